#include "task/domain/priority.hpp"

#include "shared/violations.hpp"

namespace task::domain {

std::string_view priority_name(Priority priority) {
  switch (priority) {
    case Priority::kLow:
      return "low";
    case Priority::kHigh:
      return "high";
    case Priority::kMedium:
      break;
  }
  return "medium";
}

std::optional<Priority> parse_priority(std::string_view name) {
  if (name == "low") return Priority::kLow;
  if (name == "medium") return Priority::kMedium;
  if (name == "high") return Priority::kHigh;
  return std::nullopt;
}

shared::FieldViolation priority_violation(shared::Location location) {
  return shared::violation::enumeration(std::move(location), {"low", "medium", "high"});
}

}  // namespace task::domain
