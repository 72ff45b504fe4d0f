#pragma once
// The /api/tasks routes of the contract (docs/api.md, "task-service"),
// each behind the bearer middleware, each a thin call into one use case.

#include "shared/http/router.hpp"
#include "task/app/complete_task.hpp"
#include "task/app/create_task.hpp"
#include "task/app/delete_task.hpp"
#include "task/app/get_task.hpp"
#include "task/app/list_tasks.hpp"
#include "task/app/update_task.hpp"
#include "task/domain/ports/token_verifier.hpp"

namespace task::adapters::http {

struct TaskUseCases {
  const app::ListTasks& list_tasks;
  const app::CreateTask& create_task;
  const app::GetTask& get_task;
  const app::UpdateTask& update_task;
  const app::CompleteTask& complete_task;
  const app::DeleteTask& delete_task;
};

// Everything referenced must outlive the router and the server using it.
void add_task_routes(shared::http::Router& router, TaskUseCases use_cases,
                     const domain::TokenVerifier& verifier);

}  // namespace task::adapters::http
