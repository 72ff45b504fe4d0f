#include <catch2/catch.hpp>

#include "shared/config/fake_env.hpp"

using shared::config::Env;
using std::chrono::seconds;

TEST_CASE("string: value when set, fallback when unset or empty") {
  const Env env = test::fake_env({{"NAME", "value"}, {"EMPTY", ""}});
  CHECK(env.string("NAME", "fallback") == "value");
  CHECK(env.string("EMPTY", "fallback") == "fallback");
  CHECK(env.string("UNSET", "fallback") == "fallback");
}

TEST_CASE("required_string: value when set, ConfigError naming it when unset or empty") {
  const Env env = test::fake_env({{"NAME", "value"}, {"EMPTY", ""}});
  CHECK(env.required_string("NAME") == "value");
  test::require_config_error([&] { (void)env.required_string("EMPTY"); }, "EMPTY", "");
  test::require_config_error([&] { (void)env.required_string("UNSET"); }, "UNSET", "");
}

TEST_CASE("as_set: keeps an empty value apart from an unset one") {
  const Env env = test::fake_env({{"EMPTY", ""}, {"NAME", "x"}});
  CHECK(env.as_set("EMPTY") == std::optional<std::string>(""));
  CHECK(env.as_set("NAME") == std::optional<std::string>("x"));
  CHECK_FALSE(env.as_set("UNSET").has_value());
}

TEST_CASE("integer: parses decimal within range, fallback when unset or empty") {
  const Env env = test::fake_env({{"N", "42"}, {"NEG", "-5"}, {"EMPTY", ""}, {"MIN", "1"}});
  CHECK(env.integer("N", 7, 0, 100) == 42);
  CHECK(env.integer("NEG", 7, -10, 10) == -5);
  CHECK(env.integer("MIN", 7, 1, 100) == 1);
  CHECK(env.integer("EMPTY", 7, 0, 100) == 7);
  CHECK(env.integer("UNSET", 7, 0, 100) == 7);
}

TEST_CASE("integer: every bad value names the variable, not the value") {
  for (const std::string bad :
       {"12abc", "abc", " 12", "12 ", "1.5", "0x10", "+", "101", "-1", "99999999999999999999999"}) {
    const Env env = test::fake_env({{"PORTISH", bad}});
    INFO("value: " << bad);
    test::require_config_error([&] { (void)env.integer("PORTISH", 7, 0, 100); }, "PORTISH", bad);
  }
}

TEST_CASE("seconds: like integer, in seconds") {
  const Env env = test::fake_env({{"GRACE", "15"}, {"BAD", "15s"}, {"HIGH", "301"}});
  CHECK(env.seconds("GRACE", seconds(20), seconds(0), seconds(300)) == seconds(15));
  CHECK(env.seconds("UNSET", seconds(20), seconds(0), seconds(300)) == seconds(20));
  test::require_config_error(
      [&] { (void)env.seconds("BAD", seconds(20), seconds(0), seconds(300)); }, "BAD", "15s");
  test::require_config_error(
      [&] { (void)env.seconds("HIGH", seconds(20), seconds(0), seconds(300)); }, "HIGH", "301");
}

TEST_CASE("choice: one of the allowed values, case-sensitive") {
  const std::vector<std::string> allowed{"text", "json"};
  CHECK(test::fake_env({{"FMT", "json"}}).choice("FMT", "text", allowed) == "json");
  CHECK(test::fake_env({{"FMT", ""}}).choice("FMT", "text", allowed) == "text");
  CHECK(test::fake_env({}).choice("FMT", "text", allowed) == "text");
  const Env upper = test::fake_env({{"FMT", "JSON"}});
  test::require_config_error([&] { (void)upper.choice("FMT", "text", allowed); }, "FMT", "JSON");
  const Env other = test::fake_env({{"FMT", "xml-ish"}});
  test::require_config_error([&] { (void)other.choice("FMT", "text", allowed); }, "FMT", "xml-ish");
}

TEST_CASE("list: comma-separated, trimmed, empty items dropped") {
  const std::vector<std::string> fallback{"a"};
  CHECK(test::fake_env({{"L", " x , y,,z ,"}}).list("L", fallback) ==
        std::vector<std::string>{"x", "y", "z"});
  CHECK(test::fake_env({{"L", "single"}}).list("L", fallback) ==
        std::vector<std::string>{"single"});
  CHECK(test::fake_env({}).list("L", fallback) == fallback);
}

TEST_CASE("list: set but empty means no items, not the fallback") {
  CHECK(test::fake_env({{"L", ""}}).list("L", {"a"}).empty());
  CHECK(test::fake_env({{"L", " , "}}).list("L", {"a"}).empty());
}

TEST_CASE("process_environment reads the real environment") {
  ::setenv("TODO_ENV_TEST_VARIABLE", "from-process", 1);
  ::unsetenv("TODO_ENV_TEST_UNSET");
  const Env env;
  CHECK(env.string("TODO_ENV_TEST_VARIABLE", "") == "from-process");
  CHECK_FALSE(shared::config::process_environment()("TODO_ENV_TEST_UNSET").has_value());
  ::unsetenv("TODO_ENV_TEST_VARIABLE");
}
