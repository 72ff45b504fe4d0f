#include "task/domain/task_fields.hpp"

#include <algorithm>

#include "shared/text/utf8.hpp"
#include "shared/violations.hpp"

namespace task::domain {
namespace {

using shared::Error;
using shared::Result;

// pydantic's constrained-string checks, in code points.
Result<std::string> check_length(std::string_view text, std::size_t min, std::size_t max,
                                 shared::Location location) {
  const std::size_t length = shared::text::code_point_count(text);
  if (length < min) {
    return Error::invalid_argument({shared::violation::string_too_short(std::move(location), min)});
  }
  if (length > max) {
    return Error::invalid_argument({shared::violation::string_too_long(std::move(location), max)});
  }
  return std::string(text);
}

}  // namespace

Result<std::string_view> validate_text(std::string_view raw, const shared::Location& location) {
  if (!shared::text::is_valid_utf8(raw)) {
    return Error::invalid_argument({shared::violation::string_unicode(location)});
  }
  if (shared::text::contains_nul(raw)) {
    return Error::invalid_argument({shared::violation::value_error(
        location, "String should not contain NUL (U+0000) characters")});
  }
  return raw;
}

Result<std::string> validate_title(std::string_view raw) {
  auto text = validate_text(raw, {"title"});
  if (!text) return text.error();
  return check_length(shared::text::trim_whitespace(*text), 1, kMaxTitleLength, {"title"});
}

Result<std::string> validate_description(std::string_view raw) {
  auto text = validate_text(raw, {"description"});
  if (!text) return text.error();
  return check_length(*text, 0, kMaxDescriptionLength, {"description"});
}

Result<std::string> validate_tag(std::string_view raw, shared::Location location) {
  auto text = validate_text(raw, location);
  if (!text) return text.error();
  return check_length(shared::text::trim_whitespace(*text), 1, kMaxTagLength, std::move(location));
}

Result<std::vector<std::string>> validate_tags(const std::vector<std::string>& raw) {
  std::vector<shared::FieldViolation> violations;
  if (raw.size() > kMaxTags) {
    violations.push_back(shared::violation::too_long({"tags"}, kMaxTags, raw.size()));
  }
  std::vector<std::string> tags;
  tags.reserve(raw.size());
  for (std::size_t i = 0; i < raw.size(); ++i) {
    auto tag = validate_tag(raw[i], {"tags", shared::LocationPart::index(i)});
    if (!tag) {
      violations.push_back(tag.error().violations.front());
      continue;
    }
    if (std::find(tags.begin(), tags.end(), *tag) == tags.end()) tags.push_back(*tag);
  }
  if (!violations.empty()) return Error::invalid_argument(std::move(violations));
  // Counted before de-duplication: 21 items are refused even if some repeat,
  // as pydantic's max_length checks the list it was given.
  return tags;
}

Result<Priority> validate_priority(std::string_view raw, shared::Location location) {
  if (auto priority = parse_priority(raw)) return *priority;
  return Error::invalid_argument({priority_violation(std::move(location))});
}

Result<shared::time::Timestamp> validate_date_or_datetime(std::string_view raw,
                                                          shared::Location location) {
  if (auto instant = shared::time::parse_date_or_datetime(raw)) return *instant;
  return Error::invalid_argument({shared::violation::datetime_parsing(
      std::move(location),
      " (YYYY-MM-DD or an RFC 3339 date-time, "
      "from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999Z)")});
}

}  // namespace task::domain
