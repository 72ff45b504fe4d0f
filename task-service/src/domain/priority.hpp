#pragma once
#include <optional>
#include <string_view>

namespace task::domain {

// Declared in rank order, so comparing two values compares their urgency
// (the `priority` sort orders high > medium > low).
enum class Priority { kLow = 1, kMedium = 2, kHigh = 3 };

// "low", "medium", "high": the contract's spelling (and the database's).
std::string_view priority_name(Priority priority);
std::optional<Priority> parse_priority(std::string_view name);

}  // namespace task::domain
