#include <thread>

#include <catch2/catch.hpp>

#include "shared/config/fake_env.hpp"

using shared::config::load_database_settings;
using shared::config::load_http_settings;

TEST_CASE("http settings: defaults") {
  const auto settings = load_http_settings(test::fake_env({}), "AUTH_PORT", 8001);
  const unsigned cores = std::max(1u, std::min(64u, std::thread::hardware_concurrency()));
  CHECK(settings.bind_address == "0.0.0.0");
  CHECK(settings.port == 8001);
  CHECK(settings.threads == cores);
  CHECK(settings.max_body_bytes == 65536);
  CHECK(settings.shutdown_grace == std::chrono::seconds(20));
  CHECK(settings.trusted_proxies.contains("127.0.0.1"));
  CHECK(settings.trusted_proxies.contains("::1"));
  CHECK_FALSE(settings.trusted_proxies.contains("127.0.0.2"));
}

TEST_CASE("http settings: every variable is read") {
  const auto settings =
      load_http_settings(test::fake_env({{"TASK_PORT", "9002"},
                                         {"HTTP_THREADS", "3"},
                                         {"MAX_BODY_BYTES", "1024"},
                                         {"SHUTDOWN_GRACE_SECONDS", "0"},
                                         {"TRUSTED_PROXIES", "10.0.0.0/8, fd00::/8"},
                                         {"BIND_ADDRESS", "127.0.0.1"}}),
                         "TASK_PORT", 8002);
  CHECK(settings.bind_address == "127.0.0.1");
  CHECK(settings.port == 9002);
  CHECK(settings.threads == 3);
  CHECK(settings.max_body_bytes == 1024);
  CHECK(settings.shutdown_grace == std::chrono::seconds(0));
  CHECK(settings.trusted_proxies.contains("10.20.30.40"));
  CHECK(settings.trusted_proxies.contains("fd12::1"));
  CHECK_FALSE(settings.trusted_proxies.contains("127.0.0.1"));
}

TEST_CASE("http settings: an empty TRUSTED_PROXIES trusts no proxy") {
  const auto settings =
      load_http_settings(test::fake_env({{"TRUSTED_PROXIES", ""}}), "AUTH_PORT", 8001);
  CHECK(settings.trusted_proxies.empty());
}

TEST_CASE("http settings: out-of-range and malformed values name their variable") {
  const std::vector<std::pair<std::string, std::string>> bad{
      {"AUTH_PORT", "0"},
      {"AUTH_PORT", "65536"},
      {"AUTH_PORT", "80a"},
      {"HTTP_THREADS", "0"},
      {"HTTP_THREADS", "65"},
      {"MAX_BODY_BYTES", "1023"},
      {"MAX_BODY_BYTES", "16777217"},
      {"SHUTDOWN_GRACE_SECONDS", "-1"},
      {"SHUTDOWN_GRACE_SECONDS", "301"},
      {"TRUSTED_PROXIES", "10.0.0.0/8,not-a-cidr"},
      {"TRUSTED_PROXIES", "10.0.0.1"},
      {"TRUSTED_PROXIES", "10.0.0.0/33"},
      {"TRUSTED_PROXIES", "fd00::/129"},
      {"BIND_ADDRESS", "localhost"},
      {"BIND_ADDRESS", "127.0.0.1:8001"},
      {"BIND_ADDRESS", "10.0.0.300"},
      {"BIND_ADDRESS", "[::1]"},
      {"BIND_ADDRESS", "fe80::1%eth0"},
  };
  for (const auto& [variable, value] : bad) {
    INFO(variable << "=" << value);
    const auto env = test::fake_env({{variable, value}});
    test::require_config_error([&] { (void)load_http_settings(env, "AUTH_PORT", 8001); }, variable,
                               value);
  }
}

TEST_CASE("http settings: BIND_ADDRESS takes IPv6 addresses too") {
  for (const std::string address : {"::", "::1", "fd00::42"}) {
    INFO(address);
    const auto settings =
        load_http_settings(test::fake_env({{"BIND_ADDRESS", address}}), "AUTH_PORT", 8001);
    CHECK(settings.bind_address == address);
  }
}

TEST_CASE("http settings: limits at the edges of their ranges are accepted") {
  const auto settings = load_http_settings(test::fake_env({{"AUTH_PORT", "65535"},
                                                           {"HTTP_THREADS", "64"},
                                                           {"MAX_BODY_BYTES", "16777216"},
                                                           {"SHUTDOWN_GRACE_SECONDS", "300"}}),
                                           "AUTH_PORT", 8001);
  CHECK(settings.port == 65535);
  CHECK(settings.threads == 64);
  CHECK(settings.max_body_bytes == 16777216);
  CHECK(settings.shutdown_grace == std::chrono::seconds(300));
}

TEST_CASE("database settings: DATABASE_URL required, DB_POOL_SIZE 1..64 default 4") {
  const std::string url = "postgresql://todo:pw-in-url@db/todo";
  const auto settings = load_database_settings(test::fake_env({{"DATABASE_URL", url}}));
  CHECK(settings.url == url);
  CHECK(settings.pool_size == 4);
  CHECK(load_database_settings(test::fake_env({{"DATABASE_URL", url}, {"DB_POOL_SIZE", "64"}}))
            .pool_size == 64);

  test::require_config_error([] { (void)load_database_settings(test::fake_env({})); },
                             "DATABASE_URL", "");
  for (const std::string bad : {"0", "65", "four"}) {
    const auto env = test::fake_env({{"DATABASE_URL", url}, {"DB_POOL_SIZE", bad}});
    test::require_config_error([&] { (void)load_database_settings(env); }, "DB_POOL_SIZE", bad);
  }
}

TEST_CASE("database settings: DB_POOLER none (default) or transaction, nothing else") {
  const std::string url = "postgresql://db/todo";
  CHECK(load_database_settings(test::fake_env({{"DATABASE_URL", url}})).pooler ==
        shared::db::Pooler::none);
  CHECK(load_database_settings(test::fake_env({{"DATABASE_URL", url}, {"DB_POOLER", "none"}}))
            .pooler == shared::db::Pooler::none);
  CHECK(
      load_database_settings(test::fake_env({{"DATABASE_URL", url}, {"DB_POOLER", "transaction"}}))
          .pooler == shared::db::Pooler::transaction);
  for (const std::string bad : {"session", "Transaction", "pgbouncer", "yes"}) {
    const auto env = test::fake_env({{"DATABASE_URL", url}, {"DB_POOLER", bad}});
    test::require_config_error([&] { (void)load_database_settings(env); }, "DB_POOLER", bad);
  }
}

TEST_CASE("database settings: DB_STATEMENT_TIMEOUT milliseconds 0..600000, default 5000") {
  const std::string url = "postgresql://db/todo";
  const auto timeout_for = [&](const std::string& value) {
    return load_database_settings(
               test::fake_env({{"DATABASE_URL", url}, {"DB_STATEMENT_TIMEOUT", value}}))
        .statement_timeout;
  };
  CHECK(load_database_settings(test::fake_env({{"DATABASE_URL", url}})).statement_timeout ==
        std::chrono::milliseconds(5000));
  CHECK(timeout_for("") == std::chrono::milliseconds(5000));
  CHECK(timeout_for("0") == std::chrono::milliseconds(0));  // no timeout
  CHECK(timeout_for("1") == std::chrono::milliseconds(1));
  CHECK(timeout_for("600000") == std::chrono::milliseconds(600000));
  for (const std::string bad : {"-1", "600001", "5s", "1.5", "five"}) {
    const auto env = test::fake_env({{"DATABASE_URL", url}, {"DB_STATEMENT_TIMEOUT", bad}});
    test::require_config_error([&] { (void)load_database_settings(env); }, "DB_STATEMENT_TIMEOUT",
                               bad);
  }
}
