#pragma once
#include "shared/result.hpp"

namespace task::app {

// The contract's one answer for a task that is missing or someone else's.
inline shared::Error task_not_found() {
  return shared::Error::not_found("Task not found");
}

}  // namespace task::app
