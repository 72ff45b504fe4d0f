#include <cstdlib>
#include <ctime>
#include <regex>

#include <catch2/catch.hpp>

#include "shared/log/captured_log.hpp"

namespace slog = shared::log;

TEST_CASE("text: timestamp UTC with milliseconds and Z, then level, service, message, fields") {
  test::CapturedLog captured(slog::Format::kText, slog::Level::kInfo, "auth-service");
  slog::info("request", {{"method", "GET"}, {"status", 200}});
  const auto lines = captured.lines();
  REQUIRE(lines.size() == 1);
  const std::regex shape(
      R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z info auth-service request method=GET status=200)");
  CHECK(std::regex_match(lines[0], shape));
  CHECK(captured.text().back() == '\n');
}

TEST_CASE("text: the timestamp is now, in UTC even when the local zone is not") {
  // A zone 5:45 east of UTC, written POSIX-style so no tzdata is needed.
  const char* saved = std::getenv("TZ");
  const std::string saved_tz = saved ? saved : "";
  ::setenv("TZ", "TEST-05:45", 1);
  ::tzset();
  test::CapturedLog captured(slog::Format::kText);
  const auto before = std::chrono::system_clock::now();
  slog::info("tick");
  saved ? ::setenv("TZ", saved_tz.c_str(), 1) : ::unsetenv("TZ");
  ::tzset();
  const std::time_t seconds = std::chrono::system_clock::to_time_t(before);
  std::tm utc{};
  ::gmtime_r(&seconds, &utc);
  char expected_prefix[32];
  std::strftime(expected_prefix, sizeof expected_prefix, "%Y-%m-%dT%H:%M", &utc);
  // Equal to the minute (a run across a minute boundary would be a rare flake).
  CHECK(captured.text().rfind(expected_prefix, 0) == 0);
}

TEST_CASE("text: values with blanks, quotes, '=' or control characters are quoted and escaped") {
  test::CapturedLog captured(slog::Format::kText);
  slog::warn("odd values", {{"plain", "abc"},
                            {"spaced", "a b"},
                            {"quoted", "say \"hi\""},
                            {"equals", "a=b"},
                            {"newline", "line1\nline2"},
                            {"empty", ""},
                            {"backslash", "a\\b"},
                            {"bell", "\a"}});
  const auto lines = captured.lines();
  REQUIRE(lines.size() == 1);
  CHECK_THAT(lines[0],
             Catch::EndsWith(" warn test-service odd values plain=abc spaced=\"a b\" quoted=\"say "
                             "\\\"hi\\\"\" equals=\"a=b\" newline=\"line1\\nline2\" empty=\"\" "
                             "backslash=\"a\\\\b\" bell=\"\\x07\""));
}

TEST_CASE("text: a message with a newline stays on one line") {
  test::CapturedLog captured(slog::Format::kText);
  slog::error("first\nsecond\r\tthird");
  const auto lines = captured.lines();
  REQUIRE(lines.size() == 1);
  CHECK_THAT(lines[0], Catch::EndsWith(" error test-service first\\nsecond\\r\\tthird"));
}

TEST_CASE("text: every field type") {
  test::CapturedLog captured(slog::Format::kText);
  const std::string owned = "owned";
  const char* null_text = nullptr;
  slog::info("types", {{"string", owned},
                       {"view", std::string_view("view")},
                       {"c_str", "literal"},
                       {"null", null_text},
                       {"i64", std::int64_t{-9000000000}},
                       {"int", -3},
                       {"uint", 7u},
                       {"u64", std::uint64_t{18446744073709551615ull}},
                       {"double", 0.25},
                       {"yes", true},
                       {"no", false}});
  CHECK_THAT(captured.text(),
             Catch::EndsWith(" types string=owned view=view c_str=literal null=null "
                             "i64=-9000000000 int=-3 uint=7 u64=18446744073709551615 double=0.25 "
                             "yes=true no=false\n"));
}
