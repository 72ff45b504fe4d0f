#pragma once
// The /api/tasks routes of the contract (docs/api.md, "task-service"),
// each behind the bearer middleware, each a thin call into one use case.

#include "shared/http/router.hpp"
#include "task/domain/ports/task_repository.hpp"
#include "task/domain/ports/token_verifier.hpp"

namespace task::adapters::http {

// `tasks` and `verifier` must outlive the router.
void add_task_routes(shared::http::Router& router, domain::TaskRepository& tasks,
                     const domain::TokenVerifier& verifier);

}  // namespace task::adapters::http
