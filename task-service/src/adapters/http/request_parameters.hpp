#pragma once
// Path and query parameters → domain values, violations located at
// ["path", "id"] and ["query", <name>] as FastAPI locates them.

#include "shared/http/request.hpp"
#include "shared/result.hpp"
#include "task/domain/task.hpp"
#include "task/domain/task_query.hpp"

namespace task::adapters::http {

// The {id} segment as FastAPI's `id: int` reads it: an optionally signed
// decimal integer. 0 and negatives are integers (they then match no task:
// 404); non-integers and values beyond 64 bits are 422.
shared::Result<domain::TaskId> task_id_from_path(const shared::http::Request& request);

// The listing's query parameters. Unknown parameters are ignored; of a
// repeated one the last value the HTTP layer hands over counts (FastAPI's
// rule; Pistache's query map may already have kept only one).
shared::Result<domain::TaskQuery> task_query_from(const shared::http::Request& request);

}  // namespace task::adapters::http
