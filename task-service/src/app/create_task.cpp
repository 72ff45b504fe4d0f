#include "task/app/create_task.hpp"

namespace task::app {

shared::Result<domain::Task> create_task(domain::TaskRepository& tasks,
                                         const domain::UserId& caller,
                                         const domain::NewTask& task) {
  return tasks.create(caller, task);
}

}  // namespace task::app
