#pragma once
#include "shared/result.hpp"
#include "task/domain/new_task.hpp"
#include "task/domain/ports/task_repository.hpp"
#include "task/domain/task.hpp"
#include "task/domain/user_id.hpp"

namespace task::app {

// Creates a task owned by `caller`.
shared::Result<domain::Task> create_task(domain::TaskRepository& tasks,
                                         const domain::UserId& caller, const domain::NewTask& task);

}  // namespace task::app
