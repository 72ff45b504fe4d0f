#pragma once
#include <optional>

#include "shared/result.hpp"
#include "task/domain/ports/task_repository.hpp"
#include "task/domain/task.hpp"
#include "task/domain/user_id.hpp"

namespace task::app {

// Sets `completed`, or toggles it when nullopt (in one atomic step, so two
// concurrent toggles never both read the same state); kNotFound when the
// task is missing or another user's.
shared::Result<domain::Task> complete_task(domain::TaskRepository& tasks,
                                           const domain::UserId& caller, domain::TaskId id,
                                           std::optional<bool> completed);

}  // namespace task::app
