#pragma once
#include "shared/result.hpp"
#include "task/domain/ports/task_repository.hpp"
#include "task/domain/task.hpp"
#include "task/domain/user_id.hpp"

namespace task::app {

struct DeleteTaskCommand {
  domain::UserId caller;
  domain::TaskId id;
};

// kNotFound when the task is missing (already deleted) or another user's.
class DeleteTask {
 public:
  explicit DeleteTask(domain::TaskRepository& tasks) : tasks_(tasks) {}
  [[nodiscard]] shared::Result<void> execute(const DeleteTaskCommand& command) const;

 private:
  domain::TaskRepository& tasks_;
};

}  // namespace task::app
