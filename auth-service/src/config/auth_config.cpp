#include "auth/config/auth_config.hpp"

#include <algorithm>
#include <thread>

namespace auth::config {
namespace {

constexpr std::int64_t kYear = 365LL * 24 * 3600;

std::size_t default_hash_workers() {
  return std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 64);
}

std::size_t count(const shared::config::Env& env, const char* name, std::int64_t fallback,
                  std::int64_t max) {
  return static_cast<std::size_t>(env.integer(name, fallback, 1, max));
}

}  // namespace

AuthConfig load_auth_config(const shared::config::Env& env) {
  AuthConfig config;
  config.http = shared::config::load_http_settings(env, "AUTH_PORT", 8001);
  config.database = shared::config::load_database_settings(env);
  config.jwt = shared::config::load_jwt_settings(env);
  config.log = shared::log::load_log_settings(env);
  config.token_lifetime = env.seconds("JWT_EXPIRES_IN", std::chrono::seconds(604800),
                                      std::chrono::seconds(60), std::chrono::seconds(kYear));
  config.refresh_lifetime = env.seconds("REFRESH_TOKEN_TTL", std::chrono::seconds(2592000),
                                        std::chrono::seconds(60), std::chrono::seconds(kYear));
  config.service_jwt_secret = shared::config::load_service_jwt_secret(env, config.jwt.secret);
  config.bcrypt_cost = static_cast<int>(env.integer("BCRYPT_COST", 12, 10, 15));
  config.hash_workers =
      count(env, "HASH_WORKERS", static_cast<std::int64_t>(default_hash_workers()), 64);
  config.hash_queue_limit = count(env, "HASH_QUEUE_LIMIT", 32, 100000);
  config.login_limits.max_failures_per_email =
      count(env, "LOGIN_MAX_FAILURES_PER_EMAIL", 10, 1000000);
  config.login_limits.max_failures_per_client =
      count(env, "LOGIN_MAX_FAILURES_PER_CLIENT", 100, 1000000);
  config.login_limits.window = env.seconds("LOGIN_FAILURE_WINDOW", std::chrono::seconds(900),
                                           std::chrono::seconds(1), std::chrono::seconds(86400));
  config.sign_up_limits.max_per_client = count(env, "SIGNUP_MAX_PER_CLIENT", 20, 1000000);
  config.sign_up_limits.window = env.seconds("SIGNUP_WINDOW", std::chrono::seconds(3600),
                                             std::chrono::seconds(1), std::chrono::seconds(86400));
  return config;
}

}  // namespace auth::config
