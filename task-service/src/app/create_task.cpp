#include "task/app/create_task.hpp"

namespace task::app {

shared::Result<domain::Task> CreateTask::execute(const CreateTaskCommand& command) const {
  return tasks_.create(command.caller, command.task);
}

}  // namespace task::app
