#include "task/domain/new_task.hpp"

#include "shared/violations.hpp"
#include "task/domain/task_fields.hpp"

namespace task::domain {

shared::Result<NewTask> NewTask::from(const TaskDraft& draft) {
  shared::ViolationCollector collector;
  NewTask task;
  if (!draft.title) {
    collector.add(shared::violation::missing({"title"}));
  } else if (!*draft.title) {
    collector.add(shared::violation::string_type({"title"}));
  } else if (auto title = collector.take(validate_title(**draft.title))) {
    task.title = std::move(*title);
  }
  if (draft.description && *draft.description) {
    task.description = collector.take(validate_description(**draft.description));
  }
  if (draft.completed) {
    if (*draft.completed) {
      task.completed = **draft.completed;
    } else {
      collector.add(shared::violation::bool_type({"completed"}));
    }
  }
  if (draft.priority) {
    if (!*draft.priority) {
      collector.add(priority_violation({"priority"}));
    } else if (auto priority = collector.take(validate_priority(**draft.priority, {"priority"}))) {
      task.priority = *priority;
    }
  }
  if (draft.tags) {
    if (!*draft.tags) {
      collector.add(shared::violation::list_type({"tags"}));
    } else if (auto tags = collector.take(validate_tags(**draft.tags))) {
      task.tags = std::move(*tags);
    }
  }
  if (draft.due_date && *draft.due_date) {
    task.due_date = collector.take(validate_date_or_datetime(**draft.due_date, {"due_date"}));
  }
  if (!collector.empty()) return std::move(collector).error();
  return task;
}

}  // namespace task::domain
