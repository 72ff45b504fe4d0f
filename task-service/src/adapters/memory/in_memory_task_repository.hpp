#pragma once
// TaskRepository in a map, for unit tests and examples. It follows the same
// contract suite as SociTaskRepository (tests/task/contract), so tests
// written against it hold for the real one. Thread-safe.
//
// Known difference: `search` folds ASCII letters only, where PostgreSQL's
// ILIKE folds every letter its locale knows.

#include <map>
#include <mutex>

#include "shared/time/clock.hpp"
#include "task/domain/ports/task_repository.hpp"

namespace task::adapters::memory {

class InMemoryTaskRepository final : public domain::TaskRepository {
 public:
  // `clock` stamps created_at/updated_at. The stamps are made strictly
  // increasing, so every change is visible even when two happen within one
  // clock tick.
  explicit InMemoryTaskRepository(const shared::time::Clock& clock = shared::time::system_clock());

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
  shared::time::Timestamp next_stamp();  // callers hold mutex_
  domain::Task* owned(const domain::UserId& owner, domain::TaskId id);

  const shared::time::Clock& clock_;
  std::mutex mutex_;
  std::map<domain::TaskId, domain::Task> tasks_;
  std::map<domain::UserId, std::size_t> counts_;  // tasks per owner, for the limit
  domain::TaskId next_id_ = 1;
  shared::time::Timestamp last_stamp_{};
};

}  // namespace task::adapters::memory
