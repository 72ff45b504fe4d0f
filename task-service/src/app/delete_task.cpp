#include "task/app/delete_task.hpp"

#include "task/app/task_not_found.hpp"

namespace task::app {

shared::Result<void> DeleteTask::execute(const DeleteTaskCommand& command) const {
  auto removed = tasks_.remove(command.caller, command.id);
  if (!removed) return removed.error();
  if (!*removed) return task_not_found();
  return {};
}

}  // namespace task::app
