#pragma once
// Tasks as the contract's JSON, written straight into one string: a page of
// 100 maximal tasks is a few hundred KiB, and building a JSON tree first
// would allocate a node per value on every listing.

#include <string>
#include <vector>

#include "task/domain/task.hpp"

namespace task::adapters::http {

// {"id", "user_id", "title", "description", "completed", "priority", "tags",
//  "due_date", "created_at", "updated_at"}, in that order.
void append_task_json(std::string& out, const domain::Task& task);
std::string task_json(const domain::Task& task);
std::string task_list_json(const std::vector<domain::Task>& tasks);

// A JSON string literal of UTF-8 `text` (quotes included); control
// characters escaped, everything else kept as UTF-8, as Python's json does
// with ensure_ascii=False.
void append_json_string(std::string& out, std::string_view text);

}  // namespace task::adapters::http
