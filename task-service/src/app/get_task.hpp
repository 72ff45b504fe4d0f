#pragma once
#include "shared/result.hpp"
#include "task/domain/ports/task_repository.hpp"
#include "task/domain/task.hpp"
#include "task/domain/user_id.hpp"

namespace task::app {

struct GetTaskCommand {
  domain::UserId caller;
  domain::TaskId id;
};

// The caller's task `id`; kNotFound when missing or another user's.
class GetTask {
 public:
  explicit GetTask(domain::TaskRepository& tasks) : tasks_(tasks) {}
  [[nodiscard]] shared::Result<domain::Task> execute(const GetTaskCommand& command) const;

 private:
  domain::TaskRepository& tasks_;
};

}  // namespace task::app
