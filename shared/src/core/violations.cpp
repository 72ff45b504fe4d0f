#include "shared/violations.hpp"

namespace shared {
namespace {

std::string plural(std::size_t n, std::string_view unit) {
  return std::to_string(n) + " " + std::string(unit) + (n == 1 ? "" : "s");
}

FieldViolation make(Location location, std::string message, ViolationType type) {
  return {std::move(location), std::move(message), std::string(violation_type_name(type))};
}

// pydantic words a value of the wrong JSON type and an unparsable string
// alike; only the type tells them apart.
std::string not_a_datetime(std::string_view expected) {
  return "Input should be a valid datetime or date" + std::string(expected);
}

}  // namespace

std::string_view violation_type_name(ViolationType type) {
  switch (type) {
    case ViolationType::kMissing:
      return "missing";
    case ViolationType::kStringType:
      return "string_type";
    case ViolationType::kStringUnicode:
      return "string_unicode";
    case ViolationType::kStringTooShort:
      return "string_too_short";
    case ViolationType::kStringTooLong:
      return "string_too_long";
    case ViolationType::kTooLong:
      return "too_long";
    case ViolationType::kBoolType:
      return "bool_type";
    case ViolationType::kListType:
      return "list_type";
    case ViolationType::kIntParsing:
      return "int_parsing";
    case ViolationType::kGreaterThanEqual:
      return "greater_than_equal";
    case ViolationType::kLessThanEqual:
      return "less_than_equal";
    case ViolationType::kEnum:
      return "enum";
    case ViolationType::kDatetimeType:
      return "datetime_type";
    case ViolationType::kDatetimeParsing:
      return "datetime_parsing";
    case ViolationType::kValueError:
      return "value_error";
  }
  return "value_error";
}

namespace violation {

FieldViolation missing(Location location) {
  return make(std::move(location), "Field required", ViolationType::kMissing);
}

FieldViolation string_type(Location location) {
  return make(std::move(location), "Input should be a valid string", ViolationType::kStringType);
}

FieldViolation string_unicode(Location location) {
  return make(std::move(location),
              "Input should be a valid string, unable to parse raw data as a unicode string",
              ViolationType::kStringUnicode);
}

FieldViolation string_too_short(Location location, std::size_t min_characters) {
  return make(std::move(location),
              "String should have at least " + plural(min_characters, "character"),
              ViolationType::kStringTooShort);
}

FieldViolation string_too_long(Location location, std::size_t max_characters) {
  return make(std::move(location),
              "String should have at most " + plural(max_characters, "character"),
              ViolationType::kStringTooLong);
}

FieldViolation too_long(Location location, std::size_t max_items, std::size_t actual_items) {
  return make(std::move(location),
              "List should have at most " + plural(max_items, "item") + " after validation, not " +
                  std::to_string(actual_items),
              ViolationType::kTooLong);
}

FieldViolation bool_type(Location location) {
  return make(std::move(location), "Input should be a valid boolean", ViolationType::kBoolType);
}

FieldViolation list_type(Location location) {
  return make(std::move(location), "Input should be a valid list", ViolationType::kListType);
}

FieldViolation int_parsing(Location location) {
  return make(std::move(location),
              "Input should be a valid integer, unable to parse string as an integer",
              ViolationType::kIntParsing);
}

FieldViolation greater_than_equal(Location location, std::int64_t min) {
  return make(std::move(location),
              "Input should be greater than or equal to " + std::to_string(min),
              ViolationType::kGreaterThanEqual);
}

FieldViolation less_than_equal(Location location, std::int64_t max) {
  return make(std::move(location), "Input should be less than or equal to " + std::to_string(max),
              ViolationType::kLessThanEqual);
}

FieldViolation enumeration(Location location, const std::vector<std::string_view>& allowed) {
  std::string message = "Input should be ";
  for (std::size_t i = 0; i < allowed.size(); ++i) {
    // Separate appends: GCC 12 at -O3 reports a false -Wrestrict on
    // `message += "'" + std::string(...) + "'"`.
    if (i > 0) message.append(i + 1 == allowed.size() ? " or " : ", ");
    message.append("'").append(allowed[i]).append("'");
  }
  return make(std::move(location), std::move(message), ViolationType::kEnum);
}

FieldViolation datetime_type(Location location, std::string_view expected) {
  return make(std::move(location), not_a_datetime(expected), ViolationType::kDatetimeType);
}

FieldViolation datetime_parsing(Location location, std::string_view expected) {
  return make(std::move(location), not_a_datetime(expected), ViolationType::kDatetimeParsing);
}

FieldViolation value_error(Location location, std::string message) {
  return make(std::move(location), std::move(message), ViolationType::kValueError);
}

}  // namespace violation
}  // namespace shared
