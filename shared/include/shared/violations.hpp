#pragma once
// The validation problems this backend reports, worded as FastAPI (pydantic
// v2) words them, in one catalogue: each factory gives a FieldViolation with
// pydantic's `type` and `msg`, so both services say the same thing the same
// way, and a misspelt type is a compile error rather than a silent change
// of the contract. Also the collector that gathers every problem of one
// input, as pydantic reports them all at once.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "shared/result.hpp"

namespace shared {

// pydantic's error types in use here.
enum class ViolationType {
  kMissing,
  kStringType,
  kStringUnicode,
  kStringTooShort,
  kStringTooLong,
  kTooLong,
  kBoolType,
  kListType,
  kIntParsing,
  kGreaterThanEqual,
  kLessThanEqual,
  kEnum,
  kDatetimeType,
  kDatetimeParsing,
  kValueError,
};

// The wire name, e.g. "string_too_long".
std::string_view violation_type_name(ViolationType type);

namespace violation {

FieldViolation missing(Location location);      // "Field required"
FieldViolation string_type(Location location);  // "Input should be a valid string"
FieldViolation string_unicode(Location location);
FieldViolation string_too_short(Location location, std::size_t min_characters);
FieldViolation string_too_long(Location location, std::size_t max_characters);
// A list longer than allowed: "List should have at most N items after validation, not M".
FieldViolation too_long(Location location, std::size_t max_items, std::size_t actual_items);
FieldViolation bool_type(Location location);
FieldViolation list_type(Location location);
FieldViolation int_parsing(Location location);
FieldViolation greater_than_equal(Location location, std::int64_t min);
FieldViolation less_than_equal(Location location, std::int64_t max);
// One of `allowed`: "Input should be 'low', 'medium' or 'high'".
FieldViolation enumeration(Location location, const std::vector<std::string_view>& allowed);
// `expected` says what would have been accepted, after "Input should be a
// valid datetime or date": e.g. " (YYYY-MM-DD or an RFC 3339 date-time)".
FieldViolation datetime_type(Location location, std::string_view expected);
FieldViolation datetime_parsing(Location location, std::string_view expected);
// A rule of our own; `message` is the whole text ("Value error, ..." where
// pydantic would prefix it).
FieldViolation value_error(Location location, std::string message);

}  // namespace violation

// Gathers every problem of one input instead of stopping at the first.
class ViolationCollector {
 public:
  // The value, or nullopt after recording the result's violations.
  template <class T>
  std::optional<T> take(Result<T> result) {
    if (result) return std::move(result).value();
    for (auto& problem : result.error().violations) violations_.push_back(problem);
    return std::nullopt;
  }
  void add(FieldViolation violation) { violations_.push_back(std::move(violation)); }
  bool empty() const { return violations_.empty(); }
  Error error() && { return Error::invalid_argument(std::move(violations_)); }

 private:
  std::vector<FieldViolation> violations_;
};

}  // namespace shared
