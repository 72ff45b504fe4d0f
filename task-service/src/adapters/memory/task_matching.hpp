#pragma once
// The listing's filter and order, in C++, mirroring the SQL of
// SociTaskRepository (the contract suite checks that they agree).

#include "task/domain/task.hpp"
#include "task/domain/task_query.hpp"

namespace task::adapters::memory {

bool matches(const domain::Task& task, const domain::TaskQuery& query);
// Strict weak order: true when `a` comes before `b` in the query's order.
bool comes_before(const domain::Task& a, const domain::Task& b, const domain::TaskQuery& query);

}  // namespace task::adapters::memory
