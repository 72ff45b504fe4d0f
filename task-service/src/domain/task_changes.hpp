#pragma once
// What one PUT or PATCH changes: only the fields present. description and
// due_date may be cleared (an inner nullopt); title, completed, priority
// and tags may not be null. Only TaskChanges::from(draft) makes one.

#include <optional>
#include <string>
#include <vector>

#include "shared/result.hpp"
#include "shared/time/timestamp.hpp"
#include "task/domain/priority.hpp"
#include "task/domain/task_draft.hpp"

namespace task::domain {

class TaskChanges {
 public:
  static shared::Result<TaskChanges> from(const TaskDraft& draft);

  std::optional<std::string> title;
  std::optional<std::optional<std::string>> description;
  std::optional<bool> completed;
  std::optional<Priority> priority;
  std::optional<std::vector<std::string>> tags;
  std::optional<std::optional<shared::time::Timestamp>> due_date;

 private:
  TaskChanges() = default;
};

}  // namespace task::domain
