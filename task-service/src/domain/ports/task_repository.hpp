#pragma once
// Where tasks live. Every operation is scoped to one owner: a task of
// another user is indistinguishable from a missing one (nullopt / false),
// and implementations enforce that inside the operation itself (in SQL, in
// the WHERE clause), never by reading a task and checking its owner after.
//
// The repository stamps created_at and updated_at; updated_at changes on
// every successful change. Failures of the store itself are kUnavailable
// (cannot reach it, or it failed) or kInternal (a bug).

#include <cstddef>
#include <memory>
#include <optional>

#include "shared/result.hpp"
#include "task/domain/new_task.hpp"
#include "task/domain/task.hpp"
#include "task/domain/task_changes.hpp"
#include "task/domain/task_query.hpp"
#include "task/domain/user_id.hpp"

namespace task::domain {

class TaskRepository {
 public:
  virtual ~TaskRepository() = default;

  // Creates the task unless the owner already holds `max_tasks` tasks:
  // nullopt then, and nothing is written. The check and the insert are one
  // atomic step: concurrent creates of one owner never together pass the
  // limit, and every way a task goes (delete, the user's deletion) frees
  // its place.
  virtual shared::Result<std::optional<Task>> create(const UserId& owner, const NewTask& task,
                                                     std::size_t max_tasks) = 0;

  // The owner's tasks matching `query`, sorted (ties broken by id in the
  // same direction; tasks without a due date last in either direction when
  // sorting by due date), paged, and the number that matched before paging.
  virtual shared::Result<Page<Task>> list(const UserId& owner, const TaskQuery& query) = 0;

  virtual shared::Result<std::optional<Task>> find(const UserId& owner, TaskId id) = 0;

  // Applies the fields present in `changes`; nullopt when there is no such task.
  virtual shared::Result<std::optional<Task>> update(const UserId& owner, TaskId id,
                                                     const TaskChanges& changes) = 0;

  // Sets `completed`, or toggles it when `completed` is nullopt, atomically.
  virtual shared::Result<std::optional<Task>> set_completed(const UserId& owner, TaskId id,
                                                            std::optional<bool> completed) = 0;

  // False when there was no such task.
  virtual shared::Result<bool> remove(const UserId& owner, TaskId id) = 0;
};

using TaskRepositoryPtr = std::unique_ptr<TaskRepository>;

}  // namespace task::domain
