#pragma once
// A task about to be created: every field valid and defaulted. Only
// NewTask::from(draft) makes one, so a repository never sees invalid input.

#include <optional>
#include <string>
#include <vector>

#include "shared/result.hpp"
#include "shared/time/timestamp.hpp"
#include "task/domain/priority.hpp"
#include "task/domain/task_draft.hpp"

namespace task::domain {

class NewTask {
 public:
  // Every violation at once (as pydantic reports them): title missing or
  // null, a null completed/priority/tags, and each field's own rules.
  static shared::Result<NewTask> from(const TaskDraft& draft);

  std::string title;
  std::optional<std::string> description;
  bool completed = false;
  Priority priority = Priority::kMedium;
  std::vector<std::string> tags;
  std::optional<shared::time::Timestamp> due_date;

 private:
  NewTask() = default;
};

}  // namespace task::domain
