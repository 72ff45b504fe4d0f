#pragma once
// Request bodies → the domain's NewTask / TaskChanges. JSON types are
// checked here (a number where a string belongs is a wire-format matter);
// every value rule is the domain's. Violations come back located at
// ["body", <field>, ...] and all at once, as FastAPI reports them.
// Members the contract does not know are ignored.

#include <nlohmann/json.hpp>

#include "shared/result.hpp"
#include "task/domain/new_task.hpp"
#include "task/domain/task_changes.hpp"

namespace task::adapters::http {

shared::Result<domain::NewTask> new_task_from_body(const nlohmann::json& body);
shared::Result<domain::TaskChanges> task_changes_from_body(const nlohmann::json& body);

// The `completed` member of PATCH /complete: nullopt (toggle) when absent or
// null, else a boolean, else a violation at ["body", "completed"].
shared::Result<std::optional<bool>> completion_from_body(const nlohmann::json& body);

}  // namespace task::adapters::http
