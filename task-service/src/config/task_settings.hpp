#pragma once
// task-service's configuration, read once at start-up from the environment
// (docs/architecture.md, "Names that scripts, services and deployments share").

#include "shared/config/env.hpp"
#include "shared/log/logging.hpp"

namespace task::config {

struct TaskSettings {
  shared::config::HttpSettings http;          // TASK_PORT (8002), HTTP_THREADS, MAX_BODY_BYTES, ...
  shared::config::DatabaseSettings database;  // DATABASE_URL, DB_POOL_SIZE
  shared::config::JwtSettings jwt;  // JWT_SECRET(_FILE), JWT_PREVIOUS_SECRETS, JWT_ISSUER,
                                    // JWT_AUDIENCE, JWT_LEEWAY
  shared::log::LogSettings log;     // LOG_LEVEL, LOG_FORMAT
};

inline constexpr std::uint16_t kDefaultPort = 8002;

// Throws shared::config::ConfigError naming the first bad variable.
TaskSettings load_task_settings(const shared::config::Env& env);

}  // namespace task::config
