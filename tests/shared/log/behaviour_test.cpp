#include <set>
#include <thread>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "shared/config/fake_env.hpp"
#include "shared/log/captured_log.hpp"

namespace slog = shared::log;
using nlohmann::json;

TEST_CASE("levels: events below the configured level are dropped") {
  test::CapturedLog captured(slog::Format::kText, slog::Level::kWarn);
  slog::debug("debug-line");
  slog::info("info-line");
  slog::warn("warn-line");
  slog::error("error-line");
  slog::event(slog::Level::kCritical, "critical-line");
  slog::event(slog::Level::kTrace, "trace-line");
  const auto text = captured.text();
  CHECK(text.find("debug-line") == std::string::npos);
  CHECK(text.find("info-line") == std::string::npos);
  CHECK(text.find("trace-line") == std::string::npos);
  CHECK_THAT(text, Catch::Contains(" warn test-service warn-line"));
  CHECK_THAT(text, Catch::Contains(" error test-service error-line"));
  CHECK_THAT(text, Catch::Contains(" critical test-service critical-line"));
  CHECK(captured.lines().size() == 3);
}

TEST_CASE("levels: trace lets everything through, off nothing") {
  {
    test::CapturedLog captured(slog::Format::kText, slog::Level::kTrace);
    slog::event(slog::Level::kTrace, "t");
    slog::debug("d");
    CHECK(captured.lines().size() == 2);
  }
  {
    test::CapturedLog captured(slog::Format::kText, slog::Level::kOff);
    slog::error("e");
    slog::event(slog::Level::kCritical, "c");
    slog::event(slog::Level::kOff, "o");
    CHECK(captured.text().empty());
  }
}

TEST_CASE("request id: added while a ScopedRequestId lives, restored after") {
  test::CapturedLog captured(slog::Format::kJson);
  slog::info("before");
  {
    const slog::ScopedRequestId outer("outer-id");
    slog::info("in outer");
    {
      const slog::ScopedRequestId inner("inner-id");
      slog::info("in inner");
    }
    slog::info("outer again");
  }
  slog::info("after");
  const auto lines = captured.lines();
  REQUIRE(lines.size() == 5);
  CHECK_FALSE(json::parse(lines[0]).contains("request_id"));
  CHECK(json::parse(lines[1]).at("request_id") == "outer-id");
  CHECK(json::parse(lines[2]).at("request_id") == "inner-id");
  CHECK(json::parse(lines[3]).at("request_id") == "outer-id");
  CHECK_FALSE(json::parse(lines[4]).contains("request_id"));
}

TEST_CASE("request id: text format, and an explicit field wins over the automatic one") {
  test::CapturedLog captured(slog::Format::kText);
  const slog::ScopedRequestId scope("abc");
  slog::info("request", {{"status", 200}});
  slog::info("explicit", {{"request_id", "other"}});
  const auto lines = captured.lines();
  REQUIRE(lines.size() == 2);
  CHECK_THAT(lines[0], Catch::EndsWith(" info test-service request request_id=abc status=200"));
  CHECK_THAT(lines[1], Catch::EndsWith(" info test-service explicit request_id=other"));
}

TEST_CASE("request id: belongs to the thread that set it") {
  test::CapturedLog captured(slog::Format::kJson);
  const slog::ScopedRequestId scope("main-thread-id");
  std::thread([] { slog::info("other thread"); }).join();
  const auto lines = captured.lines();
  REQUIRE(lines.size() == 1);
  CHECK_FALSE(json::parse(lines[0]).contains("request_id"));
}

TEST_CASE("concurrency: events from many threads come out as whole lines") {
  test::CapturedLog captured(slog::Format::kJson);
  constexpr std::size_t kThreads = 8;
  constexpr std::size_t kEventsPerThread = 300;
  std::vector<std::thread> threads;
  threads.reserve(kThreads);
  for (int t = 0; t < static_cast<int>(kThreads); ++t) {
    threads.emplace_back([t] {
      const slog::ScopedRequestId scope("thread-" + std::to_string(t));
      for (int i = 0; i < static_cast<int>(kEventsPerThread); ++i) {
        slog::info("concurrent", {{"thread", t}, {"i", i}, {"padding", std::string(200, 'p')}});
      }
    });
  }
  for (auto& thread : threads) thread.join();
  const auto lines = captured.lines();
  REQUIRE(lines.size() == kThreads * kEventsPerThread);
  std::set<std::pair<int, int>> seen;
  for (const auto& line : lines) {
    const json event = json::parse(line);
    const int thread = event.at("thread");
    CHECK(event.at("request_id") == "thread-" + std::to_string(thread));
    seen.emplace(thread, event.at("i").get<int>());
  }
  CHECK(seen.size() == kThreads * kEventsPerThread);
}

TEST_CASE("settings: LOG_LEVEL and LOG_FORMAT") {
  const auto defaults = slog::load_log_settings(test::fake_env({}));
  CHECK(defaults.level == slog::Level::kInfo);
  CHECK(defaults.format == slog::Format::kText);
  const std::vector<std::pair<std::string, slog::Level>> levels{
      {"trace", slog::Level::kTrace}, {"debug", slog::Level::kDebug},
      {"info", slog::Level::kInfo},   {"warn", slog::Level::kWarn},
      {"error", slog::Level::kError}, {"critical", slog::Level::kCritical},
      {"off", slog::Level::kOff}};
  for (const auto& [name, level] : levels) {
    CHECK(slog::load_log_settings(test::fake_env({{"LOG_LEVEL", name}})).level == level);
  }
  CHECK(slog::load_log_settings(test::fake_env({{"LOG_FORMAT", "json"}})).format ==
        slog::Format::kJson);
}

TEST_CASE("settings: invalid LOG_LEVEL or LOG_FORMAT is a ConfigError naming the variable") {
  for (const std::string bad : {"verbose", "INFO", "warning"}) {
    const auto env = test::fake_env({{"LOG_LEVEL", bad}});
    test::require_config_error([&] { (void)slog::load_log_settings(env); }, "LOG_LEVEL", bad);
  }
  const auto env = test::fake_env({{"LOG_FORMAT", "xml"}});
  test::require_config_error([&] { (void)slog::load_log_settings(env); }, "LOG_FORMAT", "xml");
}
