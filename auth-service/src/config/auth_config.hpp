#pragma once
// Everything auth-service reads from the environment, read once at start-up
// (names and defaults: docs/api.md, "Names that scripts, services and deployments share"). Throws
// shared::config::ConfigError naming the variable on any bad value.

#include <chrono>
#include <cstddef>
#include <string>

#include "auth/domain/failed_login_throttle.hpp"
#include "auth/domain/sign_up_limit.hpp"
#include "shared/config/env.hpp"
#include "shared/log/logging.hpp"

namespace auth::config {

struct AuthConfig {
  shared::config::HttpSettings http;               // AUTH_PORT (8001), HTTP_THREADS, ...
  shared::config::DatabaseSettings database;       // DATABASE_URL, DB_POOL_SIZE
  shared::config::JwtSettings jwt;                 // JWT_SECRET(_FILE), JWT_PREVIOUS_SECRETS, ...
  shared::log::LogSettings log;                    // LOG_LEVEL, LOG_FORMAT
  std::chrono::seconds token_lifetime{604800};     // JWT_EXPIRES_IN
  std::chrono::seconds refresh_lifetime{2592000};  // REFRESH_TOKEN_TTL
  std::string service_jwt_secret;                  // SERVICE_JWT_SECRET(_FILE), for the feed
  int bcrypt_cost = 12;                            // BCRYPT_COST, 10..15
  std::size_t hash_workers = 1;                    // HASH_WORKERS, default: cores
  std::size_t hash_queue_limit = 32;               // HASH_QUEUE_LIMIT
  domain::LoginLimits login_limits;                // LOGIN_MAX_FAILURES_PER_*, LOGIN_FAILURE_WINDOW
  domain::SignUpLimits sign_up_limits;             // SIGNUP_MAX_PER_CLIENT, SIGNUP_WINDOW
};

AuthConfig load_auth_config(const shared::config::Env& env);

}  // namespace auth::config
