#pragma once
// UserDeletions on PostgreSQL: the user_deletions table (migration 0003) and
// batched DELETEs on tasks. Each statement is its own transaction, so a batch
// holds its rows' locks only while it runs.

#include "shared/db/connection_pool.hpp"
#include "task/domain/ports/user_deletions.hpp"

namespace task::adapters::postgres {

class SociUserDeletions final : public domain::UserDeletions {
 public:
  explicit SociUserDeletions(shared::db::ConnectionPool& pool) : pool_(pool) {}

  shared::Result<void> record(const domain::UserId& user) override;
  shared::Result<std::vector<domain::UserId>> pending() override;
  shared::Result<std::size_t> delete_batch(const domain::UserId& user, std::size_t limit) override;
  shared::Result<void> mark_done(const domain::UserId& user) override;

 private:
  shared::db::ConnectionPool& pool_;
};

}  // namespace task::adapters::postgres
