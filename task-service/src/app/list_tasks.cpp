#include "task/app/list_tasks.hpp"

namespace task::app {

shared::Result<domain::Page<domain::Task>> list_tasks(domain::TaskRepository& tasks,
                                                      const domain::UserId& caller,
                                                      const domain::TaskQuery& query) {
  return tasks.list(caller, query);
}

}  // namespace task::app
