#pragma once
#include "shared/result.hpp"
#include "task/domain/new_task.hpp"
#include "task/domain/ports/task_repository.hpp"
#include "task/domain/task.hpp"
#include "task/domain/user_id.hpp"

namespace task::app {

struct CreateTaskCommand {
  domain::UserId caller;  // becomes the owner
  domain::NewTask task;
};

// Creates a task owned by the caller.
class CreateTask {
 public:
  explicit CreateTask(domain::TaskRepository& tasks) : tasks_(tasks) {}
  [[nodiscard]] shared::Result<domain::Task> execute(const CreateTaskCommand& command) const;

 private:
  domain::TaskRepository& tasks_;
};

}  // namespace task::app
