#include "auth/domain/plain_password.hpp"

#include <catch2/catch.hpp>

using auth::domain::PlainPassword;

namespace {
std::string violation_of(std::string_view raw) {
  const auto parsed = PlainPassword::parse(raw);
  REQUIRE_FALSE(parsed.ok());
  REQUIRE(parsed.error().violations.size() == 1);
  CHECK(parsed.error().violations[0].location == shared::Location{"password"});
  return parsed.error().violations[0].message;
}
std::string repeat(std::string_view piece, int times) {
  std::string out;
  for (int i = 0; i < times; ++i) out += piece;
  return out;
}
}  // namespace

TEST_CASE("a password is 8 to 72 bytes", "[unit][password]") {
  CHECK_THAT(violation_of("1234567"), Catch::Contains("at least 8"));
  CHECK(PlainPassword::parse("12345678").value().reveal() == "12345678");
  CHECK(PlainPassword::parse(std::string(72, 'x')).ok());
  CHECK_THAT(violation_of(std::string(73, 'x')), Catch::Contains("72 bytes"));
}

TEST_CASE("password length counts bytes, not characters", "[unit][password]") {
  CHECK(PlainPassword::parse(repeat("€", 24)).ok());  // 72 bytes, 24 characters
  CHECK_THAT(violation_of(repeat("€", 24) + "x"), Catch::Contains("72"));  // 73 bytes
  CHECK_THAT(violation_of(repeat("😀", 19)), Catch::Contains("72"));        // 76 bytes
  CHECK(PlainPassword::parse(repeat("é", 4)).ok());                        // 8 bytes, 4 characters
}

TEST_CASE("a password must be UTF-8 without NUL", "[unit][password]") {
  CHECK_THAT(violation_of("abcdefg\xff"), Catch::Contains("UTF-8"));
  CHECK_THAT(violation_of(std::string("abcd\0efgh", 9)), Catch::Contains("NUL"));
}
