#pragma once
// UserRepository on PostgreSQL through the shared SOCI pool. Statements are
// prepared once per connection (Lease::cached) and parameterised; the schema
// is auth-service/migrations.

#include "auth/domain/ports/user_repository.hpp"
#include "shared/db/connection_pool.hpp"

namespace auth::adapters::postgres {

class SociUserRepository final : public domain::UserRepository {
 public:
  explicit SociUserRepository(shared::db::ConnectionPool& pool);

  shared::Result<domain::User> add(const domain::NewUser& user) override;
  shared::Result<std::optional<domain::User>> find_by_email(const domain::Email& email) override;
  shared::Result<std::optional<domain::User>> find_by_id(const std::string& id) override;
  shared::Result<bool> rehash_password(const std::string& id, const std::string& old_hash,
                                       const std::string& new_hash) override;

 private:
  shared::db::ConnectionPool& pool_;
};

}  // namespace auth::adapters::postgres
