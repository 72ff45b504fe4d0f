// Unit tests: turning DATABASE_URL into a string that SOCI 4.0.3 hands to
// libpq intact (see connect_string.hpp for why it must be rewritten at all).
#include "shared/db/internal/connect_string.hpp"

#include <algorithm>
#include <cctype>

#include <catch2/catch.hpp>

using shared::db::internal::ConnInfo;
using shared::db::internal::parse_conninfo;
using shared::db::internal::to_soci_connect_string;

namespace {
constexpr std::chrono::seconds kTimeout{5};

std::string converted(std::string_view url) {
  auto result = to_soci_connect_string(url, kTimeout);
  REQUIRE(result.ok());
  return result.value();
}

ConnInfo parsed(std::string_view url) {
  auto result = parse_conninfo(url);
  REQUIRE(result.ok());
  return result.value();
}

// What SOCI needs: one whitespace-free token that contains '='.
bool survives_soci(const std::string& s) {
  return s.find('=') != std::string::npos &&
         std::none_of(s.begin(), s.end(), [](unsigned char c) { return std::isspace(c); });
}
}  // namespace

TEST_CASE("the result means to libpq what the URL meant plus a connect_timeout") {
  const char* urls[] = {
      "postgresql://app:s3cret@db.example:6543/tasks?sslmode=require",
      "postgresql://postgres@127.0.0.1:5432/postgres",
      "postgres://h1:5432,h2:5433/db?target_session_attrs=read-write",
      "host=localhost dbname=tasks application_name='task service'",
      "host = /run/postgresql   user=me password='it\\'s a secret'",
      "postgresql://u:p%40ss%20w%3Drd@h/db",
  };
  for (const char* url : urls) {
    CAPTURE(url);
    const std::string result = converted(url);
    CHECK(survives_soci(result));
    ConnInfo expected = parsed(url);
    shared::db::internal::set_option(expected, "connect_timeout", "5");
    ConnInfo actual = parsed(result);
    std::sort(expected.begin(), expected.end());
    std::sort(actual.begin(), actual.end());
    CHECK(actual == expected);
  }
}

TEST_CASE("values are percent-encoded into a query-only URI") {
  CHECK(converted("dbname=tasks application_name='task service'") ==
        "postgresql://?dbname=tasks&application_name=task%20service&connect_timeout=5");
}

TEST_CASE("an explicit connect_timeout is kept") {
  CHECK(parsed(converted("postgresql://h/db?connect_timeout=1")) ==
        ConnInfo{{"connect_timeout", "1"}, {"dbname", "db"}, {"host", "h"}});
}

TEST_CASE("an unparsable URL is kInvalidArgument without echoing the URL") {
  for (const char* url : {"nonsense===", "postgresql://u:p%zzsecret@h/db", "host='secret"}) {
    CAPTURE(url);
    auto result = to_soci_connect_string(url, kTimeout);
    REQUIRE_FALSE(result.ok());
    CHECK(result.error().code == shared::ErrorCode::kInvalidArgument);
    CHECK(result.error().message.find("secret") == std::string::npos);
    for (const auto& violation : result.error().violations) {
      CHECK(violation.message.find("secret") == std::string::npos);
    }
  }
}

TEST_CASE("options absent from the URL stay absent so libpq's PG* defaults still apply") {
  CHECK(parsed("dbname=tasks") == ConnInfo{{"dbname", "tasks"}});
}
