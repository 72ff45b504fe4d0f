#include "auth/domain/email.hpp"

#include <catch2/catch.hpp>

using auth::domain::Email;

namespace {
std::string violation_of(std::string_view raw) {
  const auto parsed = Email::parse(raw);
  REQUIRE_FALSE(parsed.ok());
  REQUIRE(parsed.error().violations.size() == 1);
  CHECK(parsed.error().violations[0].location == shared::Location{"email"});
  CHECK(parsed.error().violations[0].type == "value_error");
  return parsed.error().violations[0].message;
}
}  // namespace

TEST_CASE("an email is trimmed and lower-cased", "[unit][email]") {
  CHECK(Email::parse("  Ada@Example.COM\t").value().value() == "ada@example.com");
  CHECK(Email::parse("ÄDA@Bücher.DE").value().value() == "äda@bücher.de");
  CHECK(Email::parse("ΣΩ@ΠΑ.gr").value().value() == "σω@πα.gr");
  CHECK(Email::parse("ИВАН@почта.рф").value().value() == "иван@почта.рф");
  CHECK(Email::parse("ŁUKASZ@x.pl").value().value() == "łukasz@x.pl");
}

TEST_CASE("an email must follow the contract's rules", "[unit][email]") {
  CHECK_THAT(violation_of(""), Catch::Contains("required"));
  CHECK_THAT(violation_of("   "), Catch::Contains("required"));
  CHECK_THAT(violation_of("ada.example.com"), Catch::Contains("@"));
  CHECK_THAT(violation_of("a@b@example.com"), Catch::Contains("@"));
  CHECK_THAT(violation_of("@example.com"), Catch::Contains("before the @"));
  CHECK_THAT(violation_of("ada@localhost"), Catch::Contains("domain"));
  CHECK_THAT(violation_of("ada@example."), Catch::Contains("domain"));
  CHECK_THAT(violation_of("ada@.example"), Catch::Contains("domain"));
  CHECK_THAT(violation_of("a da@example.com"), Catch::Contains("spaces"));
  CHECK_THAT(violation_of("ada@exa\x01mple.com"), Catch::Contains("control"));
  CHECK_THAT(violation_of("ada@exa\x7fmple.com"), Catch::Contains("control"));
  CHECK_THAT(violation_of("ada@exa\xc2\x85mple.com"), Catch::Contains("control"));
  CHECK_THAT(violation_of("ada@exa\xff.com"), Catch::Contains("UTF-8"));
  CHECK_THAT(violation_of("ada@exa\xc0\xaf.com"), Catch::Contains("UTF-8"));
}

TEST_CASE("an email may be 254 characters, not 255", "[unit][email]") {
  const std::string domain = "@example.com";  // 12 characters
  CHECK(Email::parse(std::string(242, 'a') + domain).ok());
  CHECK_THAT(violation_of(std::string(243, 'a') + domain), Catch::Contains("254"));
  // Characters, not bytes: 242 two-byte letters are still 254 characters.
  std::string wide;
  for (int i = 0; i < 242; ++i) wide += "é";
  CHECK(Email::parse(wide + domain).ok());
}

TEST_CASE("normalise trims and lower-cases without judging", "[unit][email]") {
  CHECK(Email::normalise(" Not An Email ") == "not an email");
  CHECK(Email::normalise("\xff") == "\xff");
}
