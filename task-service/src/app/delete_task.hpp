#pragma once
#include "shared/result.hpp"
#include "task/domain/ports/task_repository.hpp"
#include "task/domain/task.hpp"
#include "task/domain/user_id.hpp"

namespace task::app {

// kNotFound when the task is missing (already deleted) or another user's.
shared::Result<void> delete_task(domain::TaskRepository& tasks, const domain::UserId& caller,
                                 domain::TaskId id);

}  // namespace task::app
