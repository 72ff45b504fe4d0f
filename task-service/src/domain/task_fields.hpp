#pragma once
// The contract's rule for each task field, one function per field.
//
// Errors are kInvalidArgument with one violation per broken rule, located at
// the field's name: {"title"}, or {"tags", LocationPart::index(3)} for a list
// element, which JSON shows as ["tags", 3] as pydantic does. The adapter that
// read the value prefixes where it came from ("body", "query"). Types and messages
// follow pydantic's, as the frontend was written against a FastAPI backend.

#include <string>
#include <string_view>
#include <vector>

#include "shared/result.hpp"
#include "shared/time/timestamp.hpp"
#include "task/domain/priority.hpp"

namespace task::domain {

inline constexpr std::size_t kMaxTitleLength = 200;
inline constexpr std::size_t kMaxDescriptionLength = 2000;
inline constexpr std::size_t kMaxTags = 20;
inline constexpr std::size_t kMaxTagLength = 50;

// Trimmed, then 1 to 200 code points.
shared::Result<std::string> validate_title(std::string_view raw);
// Up to 2000 code points, kept exactly as sent (not trimmed).
shared::Result<std::string> validate_description(std::string_view raw);
// One tag: trimmed, then 1 to 50 code points. `location` names it.
shared::Result<std::string> validate_tag(std::string_view raw, shared::Location location);
// 0 to 20 tags, each valid; duplicates (after trimming) dropped, order kept.
shared::Result<std::vector<std::string>> validate_tags(const std::vector<std::string>& raw);
shared::Result<Priority> validate_priority(std::string_view raw, shared::Location location);
// A date-time with any offset (→ UTC) or a plain date (→ midnight UTC).
shared::Result<shared::time::Timestamp> validate_date_or_datetime(std::string_view raw,
                                                                  shared::Location location);

// The common text checks every string goes through first: well-formed UTF-8
// and no U+0000 (PostgreSQL text cannot store it).
shared::Result<std::string_view> validate_text(std::string_view raw,
                                               const shared::Location& location);

}  // namespace task::domain
