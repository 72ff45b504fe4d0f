#pragma once
#include "shared/result.hpp"
#include "task/domain/ports/task_repository.hpp"
#include "task/domain/task.hpp"
#include "task/domain/task_query.hpp"
#include "task/domain/user_id.hpp"

namespace task::app {

struct ListTasksCommand {
  domain::UserId caller;
  domain::TaskQuery query;
};

// One page of the caller's own tasks and how many matched in all.
class ListTasks {
 public:
  explicit ListTasks(domain::TaskRepository& tasks) : tasks_(tasks) {}
  [[nodiscard]] shared::Result<domain::Page<domain::Task>> execute(
      const ListTasksCommand& command) const;

 private:
  domain::TaskRepository& tasks_;
};

}  // namespace task::app
