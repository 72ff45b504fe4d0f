#include "task/adapters/memory/task_matching.hpp"

#include <algorithm>
#include <cctype>
#include <string_view>

namespace task::adapters::memory {
namespace {

using domain::SortKey;
using domain::SortOrder;
using domain::Task;

bool contains_ignoring_ascii_case(std::string_view haystack, std::string_view needle) {
  const auto folded_equal = [](char a, char b) {
    return std::tolower(static_cast<unsigned char>(a)) ==
           std::tolower(static_cast<unsigned char>(b));
  };
  return std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end(),
                     folded_equal) != haystack.end();
}

// -1, 0, 1 by the sort key alone, ascending.
int compare_key(const Task& a, const Task& b, SortKey key) {
  const auto three_way = [](const auto& x, const auto& y) { return x < y ? -1 : (y < x ? 1 : 0); };
  switch (key) {
    case SortKey::kUpdatedAt:
      return three_way(a.updated_at, b.updated_at);
    case SortKey::kDueDate:
      return three_way(*a.due_date, *b.due_date);
    case SortKey::kPriority:
      return three_way(static_cast<int>(a.priority), static_cast<int>(b.priority));
    case SortKey::kTitle:
      return a.title.compare(b.title) < 0 ? -1
                                          : (a.title == b.title ? 0 : 1);  // bytes: COLLATE "C"
    case SortKey::kCreatedAt:
      break;
  }
  return three_way(a.created_at, b.created_at);
}

}  // namespace

bool matches(const Task& task, const domain::TaskQuery& query) {
  if (query.status == domain::StatusFilter::kPending && task.completed) return false;
  if (query.status == domain::StatusFilter::kCompleted && !task.completed) return false;
  if (query.priority && task.priority != *query.priority) return false;
  if (query.tag && std::find(task.tags.begin(), task.tags.end(), *query.tag) == task.tags.end()) {
    return false;
  }
  if (query.search && !contains_ignoring_ascii_case(task.title, *query.search) &&
      !(task.description && contains_ignoring_ascii_case(*task.description, *query.search))) {
    return false;
  }
  if ((query.due_before || query.due_after) && !task.due_date) return false;
  if (query.due_before && *task.due_date > *query.due_before) return false;
  if (query.due_after && *task.due_date < *query.due_after) return false;
  return true;
}

bool comes_before(const Task& a, const Task& b, const domain::TaskQuery& query) {
  if (query.sort == SortKey::kDueDate && a.due_date.has_value() != b.due_date.has_value()) {
    return a.due_date.has_value();  // tasks without a due date last, in either order
  }
  int order = (query.sort == SortKey::kDueDate && !a.due_date) ? 0 : compare_key(a, b, query.sort);
  if (order == 0) order = a.id < b.id ? -1 : (a.id > b.id ? 1 : 0);
  return query.order == SortOrder::kAsc ? order < 0 : order > 0;
}

}  // namespace task::adapters::memory
