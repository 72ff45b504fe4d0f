#include "task/domain/task_fields.hpp"

#include <catch2/catch.hpp>

using namespace task::domain;

namespace {
std::string repeat(std::string_view unit, std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += unit;
  return out;
}
const shared::FieldViolation& only_violation(const shared::Error& error) {
  REQUIRE(error.code == shared::ErrorCode::kInvalidArgument);
  REQUIRE(error.violations.size() == 1);
  return error.violations.front();
}
}  // namespace

TEST_CASE("title: trimmed, 1 to 200 code points") {
  CHECK(*validate_title("  Buy milk \n") == "Buy milk");
  CHECK(validate_title(repeat("a", 200)).ok());
  CHECK(validate_title(repeat("é", 200)).ok());
  CHECK(validate_title(repeat("😀", 200)).ok());
  CHECK(validate_title("  " + repeat("x", 200) + "  ").ok());
  const auto too_long = validate_title(repeat("😀", 201));
  REQUIRE_FALSE(too_long.ok());
  CHECK(only_violation(too_long.error()).location == shared::Location{"title"});
  CHECK(only_violation(too_long.error()).type == "string_too_long");
  for (const char* empty : {"", "   ", "\t\n"}) {
    const auto result = validate_title(empty);
    REQUIRE_FALSE(result.ok());
    CHECK(only_violation(result.error()).type == "string_too_short");
  }
  CHECK_FALSE(validate_title(std::string("a\0b", 3)).ok());
  CHECK_FALSE(validate_title("\xFF").ok());
}

TEST_CASE("description: up to 2000 code points, untrimmed") {
  CHECK(*validate_description("  x  ") == "  x  ");
  CHECK(*validate_description("") == "");
  CHECK(validate_description(repeat("日", 2000)).ok());
  const auto too_long = validate_description(repeat("日", 2001));
  REQUIRE_FALSE(too_long.ok());
  CHECK(only_violation(too_long.error()).location == shared::Location{"description"});
}

TEST_CASE("tags: 0 to 20, each trimmed 1 to 50, duplicates dropped in order") {
  CHECK(validate_tags({})->empty());
  CHECK(*validate_tags({" home", "errands", "home ", "a,b", "{\"q\"}", "\\", "😀"}) ==
        std::vector<std::string>{"home", "errands", "a,b", "{\"q\"}", "\\", "😀"});
  std::vector<std::string> twenty;
  for (int i = 0; i < 20; ++i) twenty.push_back("t" + std::to_string(i));
  CHECK(validate_tags(twenty)->size() == 20);
  twenty.push_back("t20");
  const auto too_many = validate_tags(twenty);
  REQUIRE_FALSE(too_many.ok());
  CHECK(only_violation(too_many.error()).type == "too_long");
  CHECK(validate_tags({repeat("ü", 50)}).ok());
  const auto long_tag = validate_tags({"ok", repeat("ü", 51)});
  REQUIRE_FALSE(long_tag.ok());
  CHECK(only_violation(long_tag.error()).location ==
        shared::Location{"tags", shared::LocationPart::index(1)});
  const auto blank = validate_tags({"  "});
  REQUIRE_FALSE(blank.ok());
  CHECK(only_violation(blank.error()).type == "string_too_short");
}

TEST_CASE("priority and due date") {
  CHECK(*validate_priority("high", {"priority"}) == Priority::kHigh);
  const auto bad = validate_priority("urgent", {"priority"});
  REQUIRE_FALSE(bad.ok());
  CHECK(only_violation(bad.error()).message == "Input should be 'low', 'medium' or 'high'");
  CHECK(validate_date_or_datetime("2026-12-01", {"due_date"}).ok());
  const auto bad_date = validate_date_or_datetime("tomorrow", {"due_date"});
  REQUIRE_FALSE(bad_date.ok());
  CHECK(only_violation(bad_date.error()).location == shared::Location{"due_date"});
}
