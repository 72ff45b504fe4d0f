#pragma once
#include "shared/result.hpp"
#include "task/domain/ports/task_repository.hpp"
#include "task/domain/task.hpp"
#include "task/domain/task_changes.hpp"
#include "task/domain/user_id.hpp"

namespace task::app {

struct UpdateTaskCommand {
  domain::UserId caller;
  domain::TaskId id;
  domain::TaskChanges changes;
};

// PUT and PATCH alike: applies the fields present; kNotFound when the task
// is missing or another user's.
class UpdateTask {
 public:
  explicit UpdateTask(domain::TaskRepository& tasks) : tasks_(tasks) {}
  [[nodiscard]] shared::Result<domain::Task> execute(const UpdateTaskCommand& command) const;

 private:
  domain::TaskRepository& tasks_;
};

}  // namespace task::app
