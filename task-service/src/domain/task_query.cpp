#include "task/domain/task_query.hpp"

#include <charconv>
#include <limits>
#include <utility>

#include "shared/text/utf8.hpp"
#include "shared/violations.hpp"
#include "task/domain/task_fields.hpp"

namespace task::domain {
namespace {

using shared::Error;
using shared::Result;

// One of `names` (each paired with its value), else an enum violation whose
// message lists them as pydantic does: "'a', 'b' or 'c'".
template <class T, std::size_t N>
Result<T> one_of(std::string_view raw, const std::string& name,
                 const std::pair<std::string_view, T> (&names)[N]) {
  for (const auto& [text, value] : names) {
    if (raw == text) return value;
  }
  std::vector<std::string_view> allowed;
  for (const auto& entry : names) allowed.push_back(entry.first);
  return Error::invalid_argument({shared::violation::enumeration({name}, allowed)});
}

// A decimal integer within [min, max], as FastAPI's `int` with ge/le.
Result<std::int64_t> bounded_integer(std::string_view raw, const std::string& name,
                                     std::int64_t min, std::int64_t max) {
  std::string_view digits = raw;
  if (!digits.empty() && digits.front() == '+') digits.remove_prefix(1);
  std::int64_t value = 0;
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (digits.empty() || ec == std::errc::invalid_argument || end != digits.data() + digits.size()) {
    return Error::invalid_argument({shared::violation::int_parsing({name})});
  }
  const bool overflow = ec == std::errc::result_out_of_range;
  if ((overflow && digits.front() == '-') || (!overflow && value < min)) {
    return Error::invalid_argument({shared::violation::greater_than_equal({name}, min)});
  }
  if (overflow || value > max) {
    return Error::invalid_argument({shared::violation::less_than_equal({name}, max)});
  }
  return value;
}

constexpr std::pair<std::string_view, StatusFilter> kStatuses[] = {
    {"all", StatusFilter::kAll},
    {"pending", StatusFilter::kPending},
    {"completed", StatusFilter::kCompleted}};
constexpr std::pair<std::string_view, Priority> kPriorities[] = {
    {"low", Priority::kLow}, {"medium", Priority::kMedium}, {"high", Priority::kHigh}};
constexpr std::pair<std::string_view, SortKey> kSortKeys[] = {{"created_at", SortKey::kCreatedAt},
                                                              {"updated_at", SortKey::kUpdatedAt},
                                                              {"due_date", SortKey::kDueDate},
                                                              {"priority", SortKey::kPriority},
                                                              {"title", SortKey::kTitle}};
constexpr std::pair<std::string_view, SortOrder> kOrders[] = {{"desc", SortOrder::kDesc},
                                                              {"asc", SortOrder::kAsc}};

Result<std::string> search_text(std::string_view raw) {
  auto text = validate_text(raw, {"search"});
  if (!text) return text.error();
  if (shared::text::code_point_count(*text) > kMaxSearchLength) {
    return Error::invalid_argument(
        {shared::violation::string_too_long({"search"}, kMaxSearchLength)});
  }
  return std::string(*text);
}

}  // namespace

Result<TaskQuery> TaskQuery::from_parameters(const Lookup& lookup) {
  shared::ViolationCollector collector;
  TaskQuery query;
  auto read = [&](std::string_view name, auto&& parse, auto& target) {
    if (const auto raw = lookup(name)) {
      if (auto value = collector.take(parse(*raw, std::string(name)))) target = std::move(*value);
    }
  };
  read(
      "status", [](auto raw, auto name) { return one_of(raw, name, kStatuses); }, query.status);
  read(
      "priority", [](auto raw, auto name) { return one_of(raw, name, kPriorities); },
      query.priority);
  read(
      "tag", [](auto raw, auto name) { return validate_tag(raw, {name}); }, query.tag);
  read(
      "search", [](auto raw, auto) { return search_text(raw); }, query.search);
  read(
      "due_before", [](auto raw, auto name) { return validate_date_or_datetime(raw, {name}); },
      query.due_before);
  read(
      "due_after", [](auto raw, auto name) { return validate_date_or_datetime(raw, {name}); },
      query.due_after);
  read(
      "sort", [](auto raw, auto name) { return one_of(raw, name, kSortKeys); }, query.sort);
  read(
      "order", [](auto raw, auto name) { return one_of(raw, name, kOrders); }, query.order);
  read(
      "limit", [](auto raw, auto name) { return bounded_integer(raw, name, 1, kMaxLimit); },
      query.limit);
  read(
      "offset",
      [](auto raw, auto name) {
        return bounded_integer(raw, name, 0, std::numeric_limits<std::int64_t>::max());
      },
      query.offset);
  if (!collector.empty()) return std::move(collector).error();
  return query;
}

}  // namespace task::domain
