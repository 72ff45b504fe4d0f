#pragma once
#include "shared/result.hpp"
#include "task/domain/ports/task_repository.hpp"
#include "task/domain/task.hpp"
#include "task/domain/user_id.hpp"

namespace task::app {

// The caller's task `id`; kNotFound when missing or another user's.
shared::Result<domain::Task> get_task(domain::TaskRepository& tasks, const domain::UserId& caller,
                                      domain::TaskId id);

}  // namespace task::app
