// task-service's composition root: configuration → logging → database pool →
// migrations → adapters → use cases → routes → server. Nothing else builds an adapter.
//
//   task-service                 serve until SIGTERM/SIGINT, then drain
//   task-service --migrate-only  apply the schema migrations and exit 0
#include "shared/db/connection_pool.hpp"
#include "shared/http/server.hpp"
#include "shared/log/logging.hpp"
#include "shared/metrics/registry.hpp"
#include "shared/service/startup.hpp"
#include "task/adapters/http/task_routes.hpp"
#include "task/adapters/jwt/shared_jwt_token_verifier.hpp"
#include "task/adapters/postgres/migrations.hpp"
#include "task/adapters/postgres/soci_task_repository.hpp"
#include "task/config/task_settings.hpp"

namespace {

constexpr const char* kServiceName = "task-service";

}  // namespace

int main(int argc, char** argv) {
  const auto mode = shared::service::begin(argc, argv, kServiceName);
  const auto settings = shared::service::load_settings_or_exit(task::config::load_task_settings);
  shared::log::configure(settings.log, kServiceName);

  shared::db::ConnectionPool pool({settings.database.url, settings.database.pool_size});
  if (!shared::service::migrate(pool, task::adapters::postgres::migrations())) return 1;
  if (mode == shared::service::Mode::kMigrateOnly) return 0;

  task::adapters::postgres::SociTaskRepository tasks(pool);
  const task::adapters::jwt::SharedJwtTokenVerifier verifier(settings.jwt);

  const task::app::ListTasks list_tasks(tasks);
  const task::app::CreateTask create_task(tasks);
  const task::app::GetTask get_task(tasks);
  const task::app::UpdateTask update_task(tasks);
  const task::app::CompleteTask complete_task(tasks);
  const task::app::DeleteTask delete_task(tasks);

  shared::metrics::Registry metrics(kServiceName);
  metrics.add_gauge("db_pool_in_use", "Database connections leased right now.",
                    [&pool] { return static_cast<double>(pool.stats().in_use); });
  metrics.add_gauge("db_pool_idle", "Database connections not leased.",
                    [&pool] { return static_cast<double>(pool.stats().idle); });

  shared::http::Router router;
  task::adapters::http::add_task_routes(
      router, {list_tasks, create_task, get_task, update_task, complete_task, delete_task},
      verifier);
  shared::http::Server server(shared::http::server_options_from(settings.http), std::move(router),
                              metrics, {.dependencies_ready = [&pool] { return pool.ping(); }});
  const auto port = server.start();
  shared::log::info(
      "serving", {{"port", static_cast<unsigned>(port)}, {"http_threads", settings.http.threads}});
  server.run_until_signal();
  shared::log::info("stopped");
  return 0;
}
