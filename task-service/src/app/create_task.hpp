#pragma once
#include <cstddef>

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

// Creates a task owned by the caller, who may hold at most
// `max_tasks_per_user` (MAX_TASKS_PER_USER). At the limit: kAlreadyExists
// (409, "Task limit reached (N)"): the request conflicts with what the
// caller already holds, and succeeds again once a task is deleted.
class CreateTask {
 public:
  CreateTask(domain::TaskRepository& tasks, std::size_t max_tasks_per_user)
      : tasks_(tasks), max_tasks_(max_tasks_per_user) {}
  [[nodiscard]] shared::Result<domain::Task> execute(const CreateTaskCommand& command) const;

 private:
  domain::TaskRepository& tasks_;
  std::size_t max_tasks_;
};

}  // namespace task::app
