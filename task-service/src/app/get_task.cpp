#include "task/app/get_task.hpp"

#include "task/app/task_not_found.hpp"

namespace task::app {

shared::Result<domain::Task> GetTask::execute(const GetTaskCommand& command) const {
  auto found = tasks_.find(command.caller, command.id);
  if (!found) return found.error();
  if (!*found) return task_not_found();
  return std::move(**found);
}

}  // namespace task::app
