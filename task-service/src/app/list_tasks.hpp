#pragma once
#include "shared/result.hpp"
#include "task/domain/ports/task_repository.hpp"
#include "task/domain/task.hpp"
#include "task/domain/task_query.hpp"
#include "task/domain/user_id.hpp"

namespace task::app {

// One page of the caller's own tasks and how many matched in all.
shared::Result<domain::Page<domain::Task>> list_tasks(domain::TaskRepository& tasks,
                                                      const domain::UserId& caller,
                                                      const domain::TaskQuery& query);

}  // namespace task::app
