#include "task/app/update_task.hpp"

#include "task/app/task_not_found.hpp"

namespace task::app {

shared::Result<domain::Task> UpdateTask::execute(const UpdateTaskCommand& command) const {
  auto updated = tasks_.update(command.caller, command.id, command.changes);
  if (!updated) return updated.error();
  if (!*updated) return task_not_found();
  return std::move(updated).value().value();  // moved, not copied
}

}  // namespace task::app
