#pragma once
// TaskRepository on PostgreSQL through SOCI and the shared pool.
//
// Every statement is prepared once per connection (Lease::cached) and names
// the owner in its WHERE clause, so another user's task is never read,
// changed or deleted. A listing and its total come back in one round trip
// (count(*) OVER ()); only a page past the end needs a second one for the
// total. The per-user limit is checked and the task inserted in one
// statement (task_statements.cpp, migration 0004). Database exceptions never leave: the pool turns
// them into kUnavailable (connection lost, or the database failed) or kInternal (a bug).

#include "shared/db/connection_pool.hpp"
#include "task/domain/ports/task_repository.hpp"

namespace task::adapters::postgres {

class SociTaskRepository final : public domain::TaskRepository {
 public:
  explicit SociTaskRepository(shared::db::ConnectionPool& pool) : pool_(pool) {}

  shared::Result<std::optional<domain::Task>> create(const domain::UserId& owner,
                                                     const domain::NewTask& task,
                                                     std::size_t max_tasks) override;
  shared::Result<domain::Page<domain::Task>> list(const domain::UserId& owner,
                                                  const domain::TaskQuery& query) override;
  shared::Result<std::optional<domain::Task>> find(const domain::UserId& owner,
                                                   domain::TaskId id) override;
  shared::Result<std::optional<domain::Task>> update(const domain::UserId& owner, domain::TaskId id,
                                                     const domain::TaskChanges& changes) override;
  shared::Result<std::optional<domain::Task>> set_completed(const domain::UserId& owner,
                                                            domain::TaskId id,
                                                            std::optional<bool> completed) override;
  shared::Result<bool> remove(const domain::UserId& owner, domain::TaskId id) override;

 private:
  shared::db::ConnectionPool& pool_;
};

}  // namespace task::adapters::postgres
