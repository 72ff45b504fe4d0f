#pragma once
// UserRepository in a map: for unit tests and examples. Holds to the same
// contract as SociUserRepository (tests/auth/adapters/user_repository_contract).

#include <map>
#include <mutex>
#include <random>

#include "auth/domain/ports/user_repository.hpp"
#include "shared/time/clock.hpp"

namespace auth::adapters::memory {

class InMemoryUserRepository final : public domain::UserRepository {
 public:
  explicit InMemoryUserRepository(const shared::time::Clock& clock);

  shared::Result<domain::User> add(const domain::NewUser& user) override;
  shared::Result<std::optional<domain::User>> find_by_email(const domain::Email& email) override;
  shared::Result<std::optional<domain::User>> find_by_id(const std::string& id) override;
  shared::Result<bool> rehash_password(const std::string& id, const std::string& old_hash,
                                       const std::string& new_hash) override;

  // Test helper: forgets a user, as if deleted by an administrator.
  void remove(const std::string& id);
  // Password changes go through SessionStore, which owns the transaction.
  void set_password_hash(const std::string& id, std::string hash);

 private:
  std::string new_uuid();

  const shared::time::Clock& clock_;
  std::mutex mutex_;
  std::mt19937_64 random_;
  std::map<std::string, domain::User> by_id_;
};

}  // namespace auth::adapters::memory
