#include "task/app/update_task.hpp"

#include "task/app/task_not_found.hpp"

namespace task::app {

shared::Result<domain::Task> update_task(domain::TaskRepository& tasks,
                                         const domain::UserId& caller, domain::TaskId id,
                                         const domain::TaskChanges& changes) {
  auto updated = tasks.update(caller, id, changes);
  if (!updated) return updated.error();
  if (!*updated) return task_not_found();
  return std::move(updated).value().value();  // moved, not copied
}

}  // namespace task::app
