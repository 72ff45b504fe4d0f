#pragma once
// Which of a user's tasks to list, in what order, which page.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "shared/result.hpp"
#include "shared/time/timestamp.hpp"
#include "task/domain/priority.hpp"

namespace task::domain {

enum class StatusFilter { kAll, kPending, kCompleted };
enum class SortKey { kCreatedAt, kUpdatedAt, kDueDate, kPriority, kTitle };
enum class SortOrder { kDesc, kAsc };

inline constexpr std::int64_t kDefaultLimit = 50;
inline constexpr std::int64_t kMaxLimit = 100;
inline constexpr std::size_t kMaxSearchLength = 200;

struct TaskQuery {
  StatusFilter status = StatusFilter::kAll;
  std::optional<Priority> priority;
  std::optional<std::string> tag;     // exact (trimmed) tag
  std::optional<std::string> search;  // case-insensitive substring of title or description;
                                      // every character literal (no wildcards)
  std::optional<shared::time::Timestamp>
      due_before;                                    // inclusive; excludes tasks without a due date
  std::optional<shared::time::Timestamp> due_after;  // inclusive; excludes tasks without a due date
  SortKey sort = SortKey::kCreatedAt;
  SortOrder order = SortOrder::kDesc;
  std::int64_t limit = kDefaultLimit;  // 1..100
  std::int64_t offset = 0;             // ≥ 0

  // Parameter name → its value, nullopt when not given.
  using Lookup = std::function<std::optional<std::string_view>(std::string_view name)>;
  // Reads the contract's parameters (status, priority, tag, search,
  // due_before, due_after, sort, order, limit, offset), collecting every
  // violation, each located at the parameter's name ({"limit"}).
  static shared::Result<TaskQuery> from_parameters(const Lookup& lookup);
};

// A page of a listing and how many tasks matched before paging.
template <class T>
struct Page {
  std::vector<T> items;
  std::int64_t total = 0;
};

}  // namespace task::domain
