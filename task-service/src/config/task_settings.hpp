#pragma once
// task-service's configuration, read once at start-up from the environment
// (docs/architecture.md, "Names that scripts, services and deployments share").

#include <chrono>
#include <cstddef>
#include <string>

#include "shared/config/env.hpp"
#include "shared/log/logging.hpp"

namespace task::config {

// Following auth-service's revocation feed (docs/task-service.md, "Revocations").
struct RevocationSettings {
  std::string auth_internal_url = "http://127.0.0.1:8001";  // AUTH_INTERNAL_URL, http(s), no
                                                            // trailing '/'
  std::string service_secret;                 // SERVICE_JWT_SECRET / SERVICE_JWT_SECRET_FILE
  std::chrono::seconds fail_closed_after{0};  // REVOCATION_FAIL_CLOSED_AFTER, 0: never
  std::size_t deletion_batch_size = 1000;     // USER_DELETION_BATCH_SIZE, tasks per statement
};

struct TaskSettings {
  shared::config::HttpSettings http;          // TASK_PORT (8002), HTTP_THREADS, MAX_BODY_BYTES, ...
  shared::config::DatabaseSettings database;  // DATABASE_URL, DB_POOL_SIZE, DB_POOLER,
                                              // DB_STATEMENT_TIMEOUT
  shared::config::JwtSettings jwt;  // JWT_SECRET(_FILE), JWT_PREVIOUS_SECRETS, JWT_ISSUER,
                                    // JWT_AUDIENCE, JWT_LEEWAY
  RevocationSettings revocation;
  shared::log::LogSettings log;  // LOG_LEVEL, LOG_FORMAT
  // MAX_TASKS_PER_USER, 1..10,000,000: creating one more is a 409.
  std::size_t max_tasks_per_user = 10000;
};

inline constexpr std::uint16_t kDefaultPort = 8002;

// Throws shared::config::ConfigError naming the first bad variable.
TaskSettings load_task_settings(const shared::config::Env& env);

}  // namespace task::config
