#include "task/domain/new_task.hpp"

#include "task/domain/draft_rules.hpp"
#include "task/domain/task_fields.hpp"

namespace task::domain {

shared::Result<NewTask> NewTask::from(const TaskDraft& draft) {
  internal::ViolationCollector collector;
  NewTask task;
  if (!draft.title) {
    collector.add({"title"}, "Field required", "missing");
  } else if (!*draft.title) {
    internal::null_not_allowed(collector, "title", "string_type");
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
      internal::null_not_allowed(collector, "completed", "bool_type");
    }
  }
  if (draft.priority) {
    if (!*draft.priority) {
      internal::null_not_allowed(collector, "priority", "enum");
    } else if (auto priority = collector.take(validate_priority(**draft.priority, {"priority"}))) {
      task.priority = *priority;
    }
  }
  if (draft.tags) {
    if (!*draft.tags) {
      internal::null_not_allowed(collector, "tags", "list_type");
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
