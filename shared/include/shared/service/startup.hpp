#pragma once
// What every service's main() does before it builds its adapters, written
// once so both services start, fail and take arguments alike:
//
//   const auto mode = shared::service::begin(argc, argv, "task-service");
//   const auto settings = shared::service::load_settings_or_exit(load_task_settings);
//   shared::log::configure(settings.log, "task-service");
//   ... pool ...
//   if (!shared::service::migrate(pool, migrations())) return 1;
//   if (mode == shared::service::Mode::kMigrateOnly) return 0;

#include <chrono>
#include <string_view>
#include <vector>

#include "shared/config/env.hpp"
#include "shared/db/connection_pool.hpp"
#include "shared/db/migration.hpp"

namespace shared::service {

enum class Mode { kServe, kMigrateOnly };

// Blocks SIGTERM, SIGINT and SIGPIPE before any thread exists (see
// shared::http::block_shutdown_signals), then reads the arguments:
// none to serve, `--migrate-only` to apply the schema and exit. Anything
// else prints the usage and ends the process with exit code 2.
Mode begin(int argc, char** argv, std::string_view service_name);

// The settings `load` reads from the environment; a ConfigError ends the
// process with its one clear line and exit code 1.
template <class Load>
auto load_settings_or_exit(Load load) -> decltype(load(config::Env())) {
  try {
    return load(config::Env());
  } catch (const config::ConfigError& error) {
    config::exit_on_config_error(error);
  }
}

// How long a database that is still starting (containers started together,
// a pod before its database) is waited for, and how often it is asked.
inline constexpr auto kMigrationPatience = std::chrono::seconds(30);
inline constexpr auto kMigrationRetryEvery = std::chrono::seconds(2);

// Applies `migrations`, retrying while the database is unavailable, up to
// kMigrationPatience; any other failure ends at once. False on failure
// (logged).
bool migrate(db::ConnectionPool& pool, const std::vector<db::Migration>& migrations);

}  // namespace shared::service
