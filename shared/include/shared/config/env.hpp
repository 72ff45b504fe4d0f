#pragma once
// Reading configuration from the environment, once, at start-up.
//
// Every accessor validates what it reads and throws ConfigError naming the
// variable on a bad value; main() turns that into one clear log line and
// exit code 1 (see exit_on_config_error). Secrets may come from NAME or from
// a file named by NAME_FILE (how Kubernetes mounts secrets), never both.

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "shared/config/cidr.hpp"
#include "shared/db/pooler.hpp"

namespace shared::config {

class ConfigError : public std::runtime_error {
 public:
  ConfigError(std::string variable, const std::string& problem)
      : std::runtime_error(variable + ": " + problem), variable_(std::move(variable)) {}
  const std::string& variable() const { return variable_; }

 private:
  std::string variable_;
};

// Looks a variable up; std::nullopt when unset. Injectable for tests.
using EnvLookup = std::function<std::optional<std::string>(const std::string& name)>;
EnvLookup process_environment();

class Env {
 public:
  explicit Env(EnvLookup lookup = process_environment());

  // Unset or empty → fallback.
  std::string string(const std::string& name, const std::string& fallback) const;
  // Unset or empty → ConfigError.
  std::string required_string(const std::string& name) const;
  // The value exactly as set, empty included; std::nullopt only when unset.
  // For settings where "set but empty" means something (JWT_ISSUER="").
  std::optional<std::string> as_set(const std::string& name) const;
  // Decimal integer within [min, max]; unset or empty → fallback.
  std::int64_t integer(const std::string& name, std::int64_t fallback, std::int64_t min,
                       std::int64_t max) const;
  std::chrono::seconds seconds(const std::string& name, std::chrono::seconds fallback,
                               std::chrono::seconds min, std::chrono::seconds max) const;
  // One of `allowed` (case-sensitive); unset or empty → fallback.
  std::string choice(const std::string& name, const std::string& fallback,
                     const std::vector<std::string>& allowed) const;
  // Comma-separated, items trimmed, empty items dropped; unset → fallback.
  // Set but empty (or only commas/blanks) → no items, so "" can mean "none".
  std::vector<std::string> list(const std::string& name,
                                const std::vector<std::string>& fallback) const;
  // NAME or the contents of the file NAME_FILE (one trailing newline removed).
  // Both set → ConfigError. Neither (empty counts as unset) → std::nullopt.
  // NAME_FILE unreadable or over 64 KiB → ConfigError naming NAME_FILE.
  std::optional<std::string> secret(const std::string& name) const;

 private:
  std::optional<std::string> raw(const std::string& name) const;  // unset or empty → nullopt
  EnvLookup lookup_;
};

// Settings every HTTP service shares.
struct HttpSettings {
  std::string bind_address = "0.0.0.0";  // BIND_ADDRESS: numeric IPv4 or IPv6
  std::uint16_t port = 0;
  unsigned threads = 1;                     // HTTP_THREADS, default: number of cores
  std::size_t max_body_bytes = 65536;       // MAX_BODY_BYTES
  std::chrono::seconds shutdown_grace{20};  // SHUTDOWN_GRACE_SECONDS
  CidrSet trusted_proxies;                  // TRUSTED_PROXIES, parsed once, here
};
HttpSettings load_http_settings(const Env& env, const std::string& port_variable,
                                std::uint16_t default_port);

struct DatabaseSettings {
  std::string url;                       // DATABASE_URL: libpq URI or keyword/value string
  std::size_t pool_size = 4;             // DB_POOL_SIZE
  db::Pooler pooler = db::Pooler::none;  // DB_POOLER: none | transaction
  // DB_STATEMENT_TIMEOUT, 0..600000 ms, 0: none. What PostgreSQL may spend on
  // one statement before it cancels it (PoolSettings::statement_timeout).
  std::chrono::milliseconds statement_timeout{5000};
};
DatabaseSettings load_database_settings(const Env& env);

// The HS256 verification settings both services share. The secret must be at
// least 32 bytes; so must every previous secret.
struct JwtSettings {
  std::string secret;                         // JWT_SECRET / JWT_SECRET_FILE
  std::vector<std::string> previous_secrets;  // JWT_PREVIOUS_SECRETS(_FILE), comma-separated
  std::string issuer = "todo-auth";           // JWT_ISSUER, empty disables the check
  std::string audience = "todo-api";          // JWT_AUDIENCE, empty disables the check
  std::chrono::seconds leeway{30};            // JWT_LEEWAY, 0..60
};
JwtSettings load_jwt_settings(const Env& env);

// SERVICE_JWT_SECRET / SERVICE_JWT_SECRET_FILE: required, at least 32 bytes,
// and not the user-token secret.
std::string load_service_jwt_secret(const Env& env, std::string_view user_token_secret);

// Prints "config error: <VARIABLE>: <problem>" as one line on stderr and
// exits with status 1. Never prints the value (it may be a secret).
[[noreturn]] void exit_on_config_error(const ConfigError& error);

}  // namespace shared::config
