#pragma once
#include <optional>

#include "shared/result.hpp"
#include "task/domain/ports/task_repository.hpp"
#include "task/domain/task.hpp"
#include "task/domain/user_id.hpp"

namespace task::app {

struct CompleteTaskCommand {
  domain::UserId caller;
  domain::TaskId id;
  std::optional<bool> completed;  // nullopt: toggle
};

// Sets `completed`, or toggles it when nullopt (in one atomic step, so two
// concurrent toggles never both read the same state); kNotFound when the
// task is missing or another user's.
class CompleteTask {
 public:
  explicit CompleteTask(domain::TaskRepository& tasks) : tasks_(tasks) {}
  [[nodiscard]] shared::Result<domain::Task> execute(const CompleteTaskCommand& command) const;

 private:
  domain::TaskRepository& tasks_;
};

}  // namespace task::app
