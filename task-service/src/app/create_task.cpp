#include "task/app/create_task.hpp"

#include <string>

namespace task::app {

shared::Result<domain::Task> CreateTask::execute(const CreateTaskCommand& command) const {
  auto created = tasks_.create(command.caller, command.task, max_tasks_);
  if (!created) return created.error();
  if (!*created) {
    return shared::Error::already_exists("Task limit reached (" + std::to_string(max_tasks_) + ")");
  }
  return std::move(**created);
}

}  // namespace task::app
