#pragma once
#include "shared/result.hpp"
#include "task/domain/ports/task_repository.hpp"
#include "task/domain/task.hpp"
#include "task/domain/task_changes.hpp"
#include "task/domain/user_id.hpp"

namespace task::app {

// PUT and PATCH alike: applies the fields present; kNotFound when the task
// is missing or another user's.
shared::Result<domain::Task> update_task(domain::TaskRepository& tasks,
                                         const domain::UserId& caller, domain::TaskId id,
                                         const domain::TaskChanges& changes);

}  // namespace task::app
