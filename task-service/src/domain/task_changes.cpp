#include "task/domain/task_changes.hpp"

#include "shared/violations.hpp"
#include "task/domain/task_fields.hpp"

namespace task::domain {

shared::Result<TaskChanges> TaskChanges::from(const TaskDraft& draft) {
  shared::ViolationCollector collector;
  TaskChanges changes;
  if (draft.title) {
    if (!*draft.title) {
      collector.add(shared::violation::string_type({"title"}));
    } else {
      changes.title = collector.take(validate_title(**draft.title));
    }
  }
  if (draft.description) {
    if (!*draft.description) {
      changes.description.emplace(std::nullopt);
    } else if (auto description = collector.take(validate_description(**draft.description))) {
      changes.description.emplace(std::move(*description));
    }
  }
  if (draft.completed) {
    if (*draft.completed) {
      changes.completed = **draft.completed;
    } else {
      collector.add(shared::violation::bool_type({"completed"}));
    }
  }
  if (draft.priority) {
    if (!*draft.priority) {
      collector.add(priority_violation({"priority"}));
    } else {
      changes.priority = collector.take(validate_priority(**draft.priority, {"priority"}));
    }
  }
  if (draft.tags) {
    if (!*draft.tags) {
      collector.add(shared::violation::list_type({"tags"}));
    } else {
      changes.tags = collector.take(validate_tags(**draft.tags));
    }
  }
  if (draft.due_date) {
    if (!*draft.due_date) {
      changes.due_date.emplace(std::nullopt);
    } else if (auto due =
                   collector.take(validate_date_or_datetime(**draft.due_date, {"due_date"}))) {
      changes.due_date.emplace(*due);
    }
  }
  if (!collector.empty()) return std::move(collector).error();
  return changes;
}

}  // namespace task::domain
