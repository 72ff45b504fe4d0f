#pragma once
// The task entity as the contract defines it (docs/api.md, "The task").

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "shared/time/timestamp.hpp"
#include "task/domain/priority.hpp"
#include "task/domain/user_id.hpp"

namespace task::domain {

// Positive, assigned by the repository.
using TaskId = std::int64_t;

struct Task {
  TaskId id = 0;
  UserId user_id;
  std::string title;
  std::optional<std::string> description;
  bool completed = false;
  Priority priority = Priority::kMedium;
  std::vector<std::string> tags;
  std::optional<shared::time::Timestamp> due_date;
  shared::time::Timestamp created_at;
  shared::time::Timestamp updated_at;

  friend bool operator==(const Task&, const Task&) = default;
};

}  // namespace task::domain
