#include <cmath>
#include <limits>
#include <regex>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "shared/log/captured_log.hpp"

namespace slog = shared::log;
using nlohmann::json;

namespace {
json only_line(const test::CapturedLog& captured) {
  const auto lines = captured.lines();
  REQUIRE(lines.size() == 1);
  return json::parse(lines[0]);  // throws (fails the test) when not one JSON value
}
}  // namespace

TEST_CASE("json: one object per line with ts, level, service, msg and typed fields") {
  test::CapturedLog captured(slog::Format::kJson, slog::Level::kInfo, "auth-service");
  slog::info("request", {{"method", "GET"}, {"status", 200}, {"ok", true}, {"ms", 1.5}});
  const json line = only_line(captured);
  CHECK(std::regex_match(line.at("ts").get<std::string>(),
                         std::regex(R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)")));
  CHECK(line.at("level") == "info");
  CHECK(line.at("service") == "auth-service");
  CHECK(line.at("msg") == "request");
  CHECK(line.at("method") == "GET");
  CHECK(line.at("status").is_number_integer());
  CHECK(line.at("status") == 200);
  CHECK(line.at("ok").is_boolean());
  CHECK(line.at("ok") == true);
  CHECK(line.at("ms") == 1.5);
  CHECK(captured.text().rfind("{\"ts\":", 0) == 0);  // ts first, for people reading raw logs
}

TEST_CASE("json: quotes, backslashes and control characters round-trip") {
  test::CapturedLog captured(slog::Format::kJson);
  const std::string nasty = "quote\" backslash\\ newline\n tab\t nul" + std::string(1, '\0') +
                            " esc\x1b del\x7f ünïcødé 🎉";
  slog::warn(nasty, {{"value", nasty}, {nasty, "as key"}});
  const json line = only_line(captured);
  CHECK(line.at("msg") == nasty);
  CHECK(line.at("value") == nasty);
  CHECK(line.at(nasty) == "as key");
}

TEST_CASE("json: invalid UTF-8 is replaced, never breaks the line") {
  test::CapturedLog captured(slog::Format::kJson);
  const std::string invalid = "bad\xff\xfe end \xc3";  // stray bytes and a cut sequence
  slog::info(invalid, {{"value", invalid}});
  const json line = only_line(captured);
  CHECK(line.at("msg").get<std::string>().rfind("bad", 0) == 0);
  CHECK_THAT(line.at("value").get<std::string>(), Catch::Contains("\xef\xbf\xbd"));  // U+FFFD
  CHECK_THAT(line.at("value").get<std::string>(), Catch::Contains(" end "));
}

TEST_CASE("json: every field type keeps its JSON type") {
  test::CapturedLog captured(slog::Format::kJson);
  const char* null_text = nullptr;
  slog::info("types", {{"view", std::string_view("v")},
                       {"c_str", "c"},
                       {"null", null_text},
                       {"i64", std::int64_t{-9000000000}},
                       {"uint", 7u},
                       {"u64", std::uint64_t{18446744073709551615ull}},
                       {"nan", std::nan("")},
                       {"inf", std::numeric_limits<double>::infinity()},
                       {"no", false}});
  const json line = only_line(captured);
  CHECK(line.at("view") == "v");
  CHECK(line.at("c_str") == "c");
  CHECK(line.at("null").is_null());
  CHECK(line.at("i64") == -9000000000);
  CHECK(line.at("uint") == 7);
  CHECK(line.at("u64") == 18446744073709551615ull);
  CHECK(line.at("nan").is_null());
  CHECK(line.at("inf").is_null());
  CHECK(line.at("no") == false);
}

TEST_CASE("json: a field cannot overwrite the line's own keys") {
  test::CapturedLog captured(slog::Format::kJson, slog::Level::kInfo, "svc");
  slog::info("real message",
             {{"msg", "spoof"}, {"level", "critical"}, {"ts", 0}, {"service", "x"}});
  const auto text = captured.text();
  const json line = only_line(captured);
  CHECK(line.at("msg") == "real message");
  CHECK(line.at("level") == "info");
  CHECK(line.at("service") == "svc");
  CHECK(line.at("field_msg") == "spoof");
  CHECK(line.at("field_level") == "critical");
  CHECK(line.at("field_ts") == 0);
  CHECK(line.at("field_service") == "x");
}
