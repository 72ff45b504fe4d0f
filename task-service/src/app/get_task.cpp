#include "task/app/get_task.hpp"

#include "task/app/task_not_found.hpp"

namespace task::app {

shared::Result<domain::Task> get_task(domain::TaskRepository& tasks, const domain::UserId& caller,
                                      domain::TaskId id) {
  auto found = tasks.find(caller, id);
  if (!found) return found.error();
  if (!*found) return task_not_found();
  return std::move(**found);
}

}  // namespace task::app
