#include "task/app/delete_task.hpp"

#include "task/app/task_not_found.hpp"

namespace task::app {

shared::Result<void> delete_task(domain::TaskRepository& tasks, const domain::UserId& caller,
                                 domain::TaskId id) {
  auto removed = tasks.remove(caller, id);
  if (!removed) return removed.error();
  if (!*removed) return task_not_found();
  return {};
}

}  // namespace task::app
