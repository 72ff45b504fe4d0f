#include "task/app/list_tasks.hpp"

namespace task::app {

shared::Result<domain::Page<domain::Task>> ListTasks::execute(
    const ListTasksCommand& command) const {
  return tasks_.list(command.caller, command.query);
}

}  // namespace task::app
