// task-service's composition root: configuration → logging → database pool →
// migrations → adapters → use cases → routes → server. Nothing else builds an adapter.
//
//   task-service                 serve until SIGTERM/SIGINT, then drain
//   task-service --migrate-only  apply the schema migrations and exit 0
#include "shared/db/connection_pool.hpp"
#include "shared/http/server.hpp"
#include "shared/log/logging.hpp"
#include "shared/metrics/registry.hpp"
#include "shared/revocation/revocation_set.hpp"
#include "shared/service/startup.hpp"
#include "task/adapters/feed/curl_revocation_feed.hpp"
#include "task/adapters/http/task_routes.hpp"
#include "task/adapters/jwt/shared_jwt_token_verifier.hpp"
#include "task/adapters/postgres/migrations.hpp"
#include "task/adapters/postgres/soci_task_repository.hpp"
#include "task/adapters/postgres/soci_user_deletions.hpp"
#include "task/adapters/workers/revocation_follower_thread.hpp"
#include "task/adapters/workers/user_deletion_worker.hpp"
#include "task/app/drain_user_deletions.hpp"
#include "task/app/follow_revocations.hpp"
#include "task/app/revocation_gate.hpp"
#include "task/config/task_settings.hpp"

namespace {

constexpr const char* kServiceName = "task-service";

void add_revocation_gauges(shared::metrics::Registry& metrics,
                           const shared::revocation::RevocationSet& revoked,
                           const task::app::FeedStatus& status,
                           const task::adapters::workers::UserDeletionWorker& deletions) {
  metrics.add_gauge("revocation_feed_lag_seconds",
                    "Seconds since the revocation feed last answered (since start before that).",
                    [&status] {
                      const auto lag = status.lag(shared::time::system_clock().now());
                      return std::chrono::duration<double>(lag).count();
                    });
  metrics.add_gauge("revocation_set_tokens", "Revoked token ids held in memory.",
                    [&revoked] { return static_cast<double>(revoked.size().tokens); });
  metrics.add_gauge("revocation_set_users", "Per-user revocation cutoffs held in memory.",
                    [&revoked] { return static_cast<double>(revoked.size().users); });
  metrics.add_gauge("user_deletions_pending", "Deleted users whose tasks are still being deleted.",
                    [&deletions] { return static_cast<double>(deletions.pending()); });
}

}  // namespace

int main(int argc, char** argv) {
  const auto mode = shared::service::begin(argc, argv, kServiceName);
  const auto settings = shared::service::load_settings_or_exit(task::config::load_task_settings);
  shared::log::configure(settings.log, kServiceName);

  shared::db::ConnectionPool pool({.url = settings.database.url,
                                   .size = settings.database.pool_size,
                                   .pooler = settings.database.pooler,
                                   .statement_timeout = settings.database.statement_timeout});
  if (!shared::service::migrate(pool, task::adapters::postgres::migrations())) return 1;
  if (mode == shared::service::Mode::kMigrateOnly) return 0;

  const auto& clock = shared::time::system_clock();
  task::adapters::postgres::SociTaskRepository tasks(pool);
  task::adapters::postgres::SociUserDeletions deletions(pool);

  // Revocations: the set the verifier consults, kept current by the follower.
  // Entries outlive their token by the verifier's leeway, as the token does.
  shared::revocation::RevocationSet revoked(settings.jwt.leeway);
  task::app::FeedStatus feed_status(clock.now());
  const task::app::RevocationGate gate(revoked, feed_status, clock,
                                       settings.revocation.fail_closed_after);
  const task::adapters::jwt::SharedJwtTokenVerifier verifier(settings.jwt, gate, clock);

  const task::app::ListTasks list_tasks(tasks);
  const task::app::CreateTask create_task(tasks, settings.max_tasks_per_user);
  const task::app::GetTask get_task(tasks);
  const task::app::UpdateTask update_task(tasks);
  const task::app::CompleteTask complete_task(tasks);
  const task::app::DeleteTask delete_task(tasks);

  const task::app::DrainUserDeletions drain_deletions(deletions,
                                                      settings.revocation.deletion_batch_size);
  task::adapters::workers::UserDeletionWorker deletion_worker(drain_deletions);
  task::adapters::feed::CurlRevocationFeed feed(settings.revocation.auth_internal_url,
                                                settings.revocation.service_secret, clock);
  task::app::FollowOptions follow_options;
  follow_options.wait = task::app::poll_wait_for(settings.revocation.fail_closed_after);
  task::app::FollowRevocations follower(feed, revoked, deletions, feed_status, clock,
                                        follow_options, [&] { deletion_worker.wake(); });
  task::adapters::workers::RevocationFollowerThread follower_thread(follower, feed);

  shared::metrics::Registry metrics(kServiceName);
  metrics.add_gauge("db_pool_in_use", "Database connections leased right now.",
                    [&pool] { return static_cast<double>(pool.stats().in_use); });
  metrics.add_gauge("db_pool_idle", "Database connections not leased.",
                    [&pool] { return static_cast<double>(pool.stats().idle); });
  add_revocation_gauges(metrics, revoked, feed_status, deletion_worker);

  shared::http::Router router;
  task::adapters::http::add_task_routes(
      router, {list_tasks, create_task, get_task, update_task, complete_task, delete_task},
      verifier);
  // Ready only once the revocations are loaded: before that every
  // authenticated request would get 503.
  shared::http::Server server(
      shared::http::server_options_from(settings.http), std::move(router), metrics,
      {.dependencies_ready = [&] { return feed_status.loaded() && pool.ping(); }});
  const auto port = server.start();
  shared::log::info(
      "serving", {{"port", static_cast<unsigned>(port)}, {"http_threads", settings.http.threads}});
  server.run_until_signal();
  follower_thread.stop();
  deletion_worker.stop();
  shared::log::info("stopped");
  return 0;
}
