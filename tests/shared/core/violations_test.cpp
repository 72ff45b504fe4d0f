// The catalogue speaks pydantic v2: each factory's type and message as
// FastAPI would give them, and the collector keeps every problem in order.
#include "shared/violations.hpp"

#include <set>

#include <catch2/catch.hpp>

using namespace shared;

namespace {

void check(const FieldViolation& v, std::string_view type, std::string_view message) {
  CHECK(v.type == type);
  CHECK(v.message == message);
}

}  // namespace

TEST_CASE("each factory gives pydantic's type and message", "[unit]") {
  check(violation::missing({"body", "email"}), "missing", "Field required");
  check(violation::string_type({"title"}), "string_type", "Input should be a valid string");
  check(violation::string_unicode({"body", "password"}), "string_unicode",
        "Input should be a valid string, unable to parse raw data as a unicode string");
  check(violation::string_too_short({"title"}, 1), "string_too_short",
        "String should have at least 1 character");
  check(violation::string_too_long({"title"}, 200), "string_too_long",
        "String should have at most 200 characters");
  check(violation::too_long({"tags"}, 20, 21), "too_long",
        "List should have at most 20 items after validation, not 21");
  check(violation::bool_type({"completed"}), "bool_type", "Input should be a valid boolean");
  check(violation::list_type({"tags"}), "list_type", "Input should be a valid list");
  check(violation::int_parsing({"limit"}), "int_parsing",
        "Input should be a valid integer, unable to parse string as an integer");
  check(violation::greater_than_equal({"limit"}, 1), "greater_than_equal",
        "Input should be greater than or equal to 1");
  check(violation::less_than_equal({"limit"}, 100), "less_than_equal",
        "Input should be less than or equal to 100");
  check(violation::enumeration({"priority"}, {"low", "medium", "high"}), "enum",
        "Input should be 'low', 'medium' or 'high'");
  check(violation::enumeration({"order"}, {"desc", "asc"}), "enum",
        "Input should be 'desc' or 'asc'");
  check(violation::datetime_parsing({"due_date"}, " (YYYY-MM-DD)"), "datetime_parsing",
        "Input should be a valid datetime or date (YYYY-MM-DD)");
  check(violation::value_error({"email"}, "Value error, not an email"), "value_error",
        "Value error, not an email");
}

TEST_CASE("every type has its own wire name", "[unit]") {
  std::set<std::string_view> names;
  for (int t = 0; t <= static_cast<int>(ViolationType::kValueError); ++t) {
    names.insert(violation_type_name(static_cast<ViolationType>(t)));
  }
  CHECK(names.size() == static_cast<std::size_t>(ViolationType::kValueError) + 1);
}

TEST_CASE("the collector keeps every problem, in order, and the values that passed", "[unit]") {
  ViolationCollector collector;
  CHECK(collector.take(Result<int>(7)) == 7);
  CHECK_FALSE(collector.take(Result<int>(Error::invalid_argument({violation::missing({"a"})}))));
  collector.add(violation::bool_type({"b"}));
  REQUIRE_FALSE(collector.empty());
  const Error error = std::move(collector).error();
  CHECK(error.code == ErrorCode::kInvalidArgument);
  REQUIRE(error.violations.size() == 2);
  CHECK(error.violations[0].type == "missing");
  CHECK(error.violations[1].type == "bool_type");
}
