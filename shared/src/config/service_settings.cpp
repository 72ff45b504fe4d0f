// Settings every service reads the same way: HTTP capacity and limits, the
// database, and the one way a bad configuration ends the process.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <thread>

#include <arpa/inet.h>

#include "shared/config/cidr.hpp"
#include "shared/config/env.hpp"

namespace shared::config {
namespace {

constexpr std::int64_t kMaxHttpThreads = 64;
constexpr std::int64_t kMinBodyBytes = 1024;
constexpr std::int64_t kMaxBodyBytes = std::int64_t{16} * 1024 * 1024;
constexpr std::int64_t kMaxPoolSize = 64;
// Ten minutes: anything longer is not a request's statement.
constexpr std::int64_t kMaxStatementTimeoutMs = 600000;

std::int64_t default_http_threads() {
  const auto cores = static_cast<std::int64_t>(std::thread::hardware_concurrency());
  return std::clamp<std::int64_t>(cores, 1, kMaxHttpThreads);  // 0 means "unknown"
}

CidrSet trusted_proxies(const Env& env) {
  constexpr const char* kVariable = "TRUSTED_PROXIES";
  auto parsed = CidrSet::parse(env.list(kVariable, {"127.0.0.1/32", "::1/128"}));
  if (!parsed) throw ConfigError(kVariable, parsed.error().message);
  return std::move(parsed).value();
}

// A numeric IPv4 or IPv6 address: a host name would make the listening
// address depend on DNS at start-up.
std::string bind_address(const Env& env) {
  constexpr const char* kVariable = "BIND_ADDRESS";
  auto address = env.string(kVariable, HttpSettings{}.bind_address);
  in6_addr parsed{};
  if (inet_pton(AF_INET, address.c_str(), &parsed) != 1 &&
      inet_pton(AF_INET6, address.c_str(), &parsed) != 1) {
    throw ConfigError(kVariable, "must be a numeric IPv4 or IPv6 address, e.g. 127.0.0.1 or ::");
  }
  return address;
}

}  // namespace

HttpSettings load_http_settings(const Env& env, const std::string& port_variable,
                                std::uint16_t default_port) {
  HttpSettings settings;
  settings.bind_address = bind_address(env);
  settings.port = static_cast<std::uint16_t>(env.integer(port_variable, default_port, 1, 65535));
  settings.threads = static_cast<unsigned>(
      env.integer("HTTP_THREADS", default_http_threads(), 1, kMaxHttpThreads));
  settings.max_body_bytes =
      static_cast<std::size_t>(env.integer("MAX_BODY_BYTES", 65536, kMinBodyBytes, kMaxBodyBytes));
  settings.shutdown_grace = env.seconds("SHUTDOWN_GRACE_SECONDS", std::chrono::seconds(20),
                                        std::chrono::seconds(0), std::chrono::seconds(300));
  settings.trusted_proxies = trusted_proxies(env);
  return settings;
}

DatabaseSettings load_database_settings(const Env& env) {
  DatabaseSettings settings;
  settings.url = env.required_string("DATABASE_URL");
  settings.pool_size = static_cast<std::size_t>(env.integer("DB_POOL_SIZE", 4, 1, kMaxPoolSize));
  settings.pooler = env.choice("DB_POOLER", "none", {"none", "transaction"}) == "transaction"
                        ? db::Pooler::transaction
                        : db::Pooler::none;
  settings.statement_timeout = std::chrono::milliseconds(
      env.integer("DB_STATEMENT_TIMEOUT", 5000, 0, kMaxStatementTimeoutMs));
  return settings;
}

void exit_on_config_error(const ConfigError& error) {
  // One line whatever the message holds: log collectors split on newlines.
  std::string line = std::string("config error: ") + error.what();
  std::replace_if(
      line.begin(), line.end(), [](unsigned char c) { return c < 0x20 || c == 0x7f; }, ' ');
  line += '\n';
  std::fputs(line.c_str(), stderr);
  std::fflush(stderr);
  std::exit(1);  // NOLINT(concurrency-mt-unsafe): start-up, before threads
}

}  // namespace shared::config
