// Unit tests: turning DATABASE_URL into a string that SOCI 4.0.3 hands to
// libpq intact (see connect_string.hpp for why it must be rewritten at all).
#include "shared/db/internal/connect_string.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <optional>

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

namespace {
std::string options_of(const std::string& connect_string) {
  for (const auto& [key, value] : parsed(connect_string)) {
    if (key == "options") return value;
  }
  return "<absent>";
}

std::string with_timeout(std::string_view url, long long milliseconds) {
  auto result = to_soci_connect_string(url, kTimeout, std::chrono::milliseconds(milliseconds));
  REQUIRE(result.ok());
  CHECK(survives_soci(result.value()));
  return result.value();
}

// Sets PGOPTIONS for one test and puts the old value back.
class ScopedPgOptions {
 public:
  explicit ScopedPgOptions(const char* value) {
    if (const char* old = std::getenv("PGOPTIONS")) old_ = old;
    if (value != nullptr) {
      ::setenv("PGOPTIONS", value, 1);
    } else {
      ::unsetenv("PGOPTIONS");
    }
  }
  ~ScopedPgOptions() {
    if (old_) {
      ::setenv("PGOPTIONS", old_->c_str(), 1);
    } else {
      ::unsetenv("PGOPTIONS");
    }
  }
  ScopedPgOptions(const ScopedPgOptions&) = delete;
  ScopedPgOptions& operator=(const ScopedPgOptions&) = delete;

 private:
  std::optional<std::string> old_;
};
}  // namespace

TEST_CASE("a statement timeout becomes a startup option, in milliseconds, 0 included") {
  const ScopedPgOptions none(nullptr);
  CHECK(options_of(with_timeout("postgresql://h/db", 5000)) == "-c statement_timeout=5000");
  CHECK(options_of(with_timeout("host=h dbname=db", 0)) == "-c statement_timeout=0");
  CHECK(options_of(converted("postgresql://h/db")) == "<absent>");  // none asked for
  // Everything else is as before.
  ConnInfo rest = parsed(with_timeout("postgresql://u:pw@h:6000/db?sslmode=require", 250));
  rest.erase(std::remove_if(rest.begin(), rest.end(),
                            [](const auto& kv) { return kv.first == "options"; }),
             rest.end());
  std::sort(rest.begin(), rest.end());
  CHECK(rest == ConnInfo{{"connect_timeout", "5"},
                         {"dbname", "db"},
                         {"host", "h"},
                         {"password", "pw"},
                         {"port", "6000"},
                         {"sslmode", "require"},
                         {"user", "u"}});
}

TEST_CASE("the URL's own options are kept, the statement timeout after them so it wins") {
  const ScopedPgOptions ignored("-c work_mem=1MB");  // the URL's options replace PGOPTIONS
  CHECK(options_of(with_timeout("postgresql://h/db?options=-c%20search_path%3Dapp", 100)) ==
        "-c search_path=app -c statement_timeout=100");
  CHECK(
      options_of(with_timeout("host=h options='-c statement_timeout=9 -c lock_timeout=1'", 100)) ==
      "-c statement_timeout=9 -c lock_timeout=1 -c statement_timeout=100");
}

TEST_CASE("without options in the URL, PGOPTIONS is kept, as libpq would have used it") {
  const ScopedPgOptions from_environment("-c search_path=app");
  CHECK(options_of(with_timeout("postgresql://h/db", 100)) ==
        "-c search_path=app -c statement_timeout=100");
}
