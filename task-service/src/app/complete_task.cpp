#include "task/app/complete_task.hpp"

#include "task/app/task_not_found.hpp"

namespace task::app {

shared::Result<domain::Task> complete_task(domain::TaskRepository& tasks,
                                           const domain::UserId& caller, domain::TaskId id,
                                           std::optional<bool> completed) {
  auto changed = tasks.set_completed(caller, id, completed);
  if (!changed) return changed.error();
  if (!*changed) return task_not_found();
  return std::move(**changed);
}

}  // namespace task::app
