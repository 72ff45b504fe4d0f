#include "task/adapters/postgres/soci_task_repository.hpp"

#include <algorithm>
#include <limits>
#include <string>

#include "task/adapters/postgres/task_statements.hpp"

namespace task::adapters::postgres {
namespace {

using domain::Task;
using shared::Result;
using shared::db::Lease;

// Runs a statement returning at most one task row.
template <class Statement>
std::optional<Task> fetch_one(Statement& q, const domain::UserId& owner) {
  if (!q.statement.execute(true)) return std::nullopt;
  return q.row.to_task(owner);
}

}  // namespace

// Creating, toggling and deleting are not repeated after a connection lost
// mid-statement (Retry::never): the first attempt may have committed, and a
// repeat would add a second task, toggle back, or answer 404. Updates set
// given values, so a repeat gives the same task. set_completed is one
// statement for both its forms, so setting a given value is not repeated
// either (503 rather than a retry; conservative, not wrong).
Result<std::optional<Task>> SociTaskRepository::create(const domain::UserId& owner,
                                                       const domain::NewTask& task,
                                                       std::size_t max_tasks) {
  return pool_.with_session(
      shared::db::Retry::never, [&](Lease& lease) -> Result<std::optional<Task>> {
        auto& q = cached<InsertStatement>(lease, "tasks.insert");
        q.user_id = owner.str();
        // MAX_TASKS_PER_USER is at most 10,000,000; more than an integer column holds is no limit.
        q.limit =
            static_cast<int>(std::min<std::size_t>(max_tasks, std::numeric_limits<int>::max()));
        q.title = task.title;
        q.description.set(task.description);
        q.completed = task.completed ? 1 : 0;
        q.priority = std::string(domain::priority_name(task.priority));
        q.tags = text_array_literal(task.tags);
        q.due.set(micros_of(task.due_date));
        return fetch_one(q, owner);  // no row: the owner is at the limit
      });
}

Result<std::optional<Task>> SociTaskRepository::find(const domain::UserId& owner,
                                                     domain::TaskId id) {
  return pool_.with_session([&](Lease& lease) -> Result<std::optional<Task>> {
    auto& q = cached<FindStatement>(lease, "tasks.find");
    q.id = id;
    q.user_id = owner.str();
    return fetch_one(q, owner);
  });
}

Result<std::optional<Task>> SociTaskRepository::update(const domain::UserId& owner,
                                                       domain::TaskId id,
                                                       const domain::TaskChanges& changes) {
  return pool_.with_session([&](Lease& lease) -> Result<std::optional<Task>> {
    auto& q = cached<UpdateStatement>(lease, "tasks.update");
    q.title.set(changes.title);
    q.set_description = changes.description ? 1 : 0;
    q.description.set(changes.description.value_or(std::nullopt));
    q.completed.set(changes.completed ? std::optional<int>(*changes.completed ? 1 : 0)
                                      : std::nullopt);
    q.priority.set(changes.priority
                       ? std::optional<std::string>(domain::priority_name(*changes.priority))
                       : std::nullopt);
    q.tags.set(changes.tags ? std::optional<std::string>(text_array_literal(*changes.tags))
                            : std::nullopt);
    q.set_due = changes.due_date ? 1 : 0;
    q.due.set(micros_of(changes.due_date.value_or(std::nullopt)));
    q.id = id;
    q.user_id = owner.str();
    return fetch_one(q, owner);
  });
}

Result<std::optional<Task>> SociTaskRepository::set_completed(const domain::UserId& owner,
                                                              domain::TaskId id,
                                                              std::optional<bool> completed) {
  return pool_.with_session(
      shared::db::Retry::never, [&](Lease& lease) -> Result<std::optional<Task>> {
        auto& q = cached<SetCompletedStatement>(lease, "tasks.set_completed");
        q.completed.set(completed ? std::optional<int>(*completed ? 1 : 0) : std::nullopt);
        q.id = id;
        q.user_id = owner.str();
        return fetch_one(q, owner);
      });
}

Result<bool> SociTaskRepository::remove(const domain::UserId& owner, domain::TaskId id) {
  return pool_.with_session(shared::db::Retry::never, [&](Lease& lease) -> Result<bool> {
    auto& q = cached<DeleteStatement>(lease, "tasks.delete");
    q.id = id;
    q.user_id = owner.str();
    q.statement.execute(true);
    return q.statement.get_affected_rows() > 0;
  });
}

}  // namespace task::adapters::postgres
