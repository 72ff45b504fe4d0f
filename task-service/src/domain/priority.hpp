#pragma once
#include <optional>
#include <string_view>
#include <vector>

#include "shared/result.hpp"

namespace task::domain {

// Declared in rank order, so comparing two values compares their urgency
// (the `priority` sort orders high > medium > low).
enum class Priority { kLow = 1, kMedium = 2, kHigh = 3 };

// "low", "medium", "high": the contract's spelling (and the database's).
std::string_view priority_name(Priority priority);
std::optional<Priority> parse_priority(std::string_view name);
// The enum violation for anything else (or null): "Input should be 'low',
// 'medium' or 'high'".
shared::FieldViolation priority_violation(shared::Location location);

}  // namespace task::domain
