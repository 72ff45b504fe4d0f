#include "task/app/complete_task.hpp"

#include "task/app/task_not_found.hpp"

namespace task::app {

shared::Result<domain::Task> CompleteTask::execute(const CompleteTaskCommand& command) const {
  auto changed = tasks_.set_completed(command.caller, command.id, command.completed);
  if (!changed) return changed.error();
  if (!*changed) return task_not_found();
  return std::move(**changed);
}

}  // namespace task::app
