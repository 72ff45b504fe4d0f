// task-service's composition root: configuration → logging → database pool →
// migrations → adapters → routes → server. Nothing else builds an adapter.
//
//   task-service                 serve until SIGTERM/SIGINT, then drain
//   task-service --migrate-only  apply the schema migrations and exit 0
#include <chrono>
#include <cstring>
#include <thread>

#include "shared/config/env.hpp"
#include "shared/db/connection_pool.hpp"
#include "shared/db/migration_runner.hpp"
#include "shared/http/server.hpp"
#include "shared/log/logging.hpp"
#include "shared/metrics/registry.hpp"
#include "task/adapters/http/task_routes.hpp"
#include "task/adapters/jwt/shared_jwt_token_verifier.hpp"
#include "task/adapters/postgres/migrations.hpp"
#include "task/adapters/postgres/soci_task_repository.hpp"
#include "task/config/task_settings.hpp"

namespace {

constexpr const char* kServiceName = "task-service";
// A database that is still starting (containers started together) is
// waited for this long before giving up.
constexpr auto kMigrationPatience = std::chrono::seconds(30);

bool migrate(shared::db::ConnectionPool& pool) {
  const auto deadline = std::chrono::steady_clock::now() + kMigrationPatience;
  for (;;) {
    const auto report = shared::db::apply_migrations(pool, task::postgres::migrations());
    if (report) return true;
    const bool retry = report.error().code == shared::ErrorCode::kUnavailable &&
                       std::chrono::steady_clock::now() < deadline;
    shared::log::error("database migration failed",
                       {{"reason", report.error().message}, {"retrying", retry}});
    if (!retry) return false;
    std::this_thread::sleep_for(std::chrono::seconds(1));
  }
}

}  // namespace

int main(int argc, char** argv) {
  shared::http::block_shutdown_signals();  // before any thread exists
  const bool migrate_only = argc > 1 && std::strcmp(argv[1], "--migrate-only") == 0;

  task::config::TaskSettings settings;
  try {
    settings = task::config::load_task_settings(shared::config::Env());
  } catch (const shared::config::ConfigError& error) {
    shared::config::exit_on_config_error(error);
  }
  shared::log::configure(settings.log, kServiceName);

  shared::db::ConnectionPool pool(
      {.url = settings.database.url, .size = settings.database.pool_size});
  if (!migrate(pool)) return 1;
  if (migrate_only) return 0;

  task::postgres::SociTaskRepository tasks(pool);
  const task::jwt::SharedJwtTokenVerifier verifier(settings.jwt);

  shared::metrics::Registry metrics(kServiceName);
  metrics.add_gauge("db_pool_in_use", "Database connections leased right now.",
                    [&pool] { return static_cast<double>(pool.stats().in_use); });
  metrics.add_gauge("db_pool_idle", "Database connections not leased.",
                    [&pool] { return static_cast<double>(pool.stats().idle); });

  shared::http::Router router;
  task::http::add_task_routes(router, tasks, verifier);
  shared::http::Server server(shared::http::server_options_from(settings.http), std::move(router),
                              metrics, {.dependencies_ready = [&pool] { return pool.ping(); }});
  server.start();
  server.run_until_signal();
  return 0;
}
