// auth-service's composition root: configuration → logging → database pool →
// migrations → adapters → use cases → routes → server. Nothing else here.
//
//   auth-service                 serve
//   auth-service --migrate-only  apply the schema migrations and exit 0
#include <functional>

#include "auth/adapters/crypto/botan_password_hasher.hpp"
#include "auth/adapters/crypto/botan_refresh_token_generator.hpp"
#include "auth/adapters/crypto/cpp_jwt_token_issuer.hpp"
#include "auth/adapters/crypto/shared_jwt_token_verifier.hpp"
#include "auth/adapters/http/auth_routes.hpp"
#include "auth/adapters/http/revocation_feed_route.hpp"
#include "auth/adapters/postgres/migrations.hpp"
#include "auth/adapters/postgres/soci_attempt_counters.hpp"
#include "auth/adapters/postgres/soci_session_store.hpp"
#include "auth/adapters/postgres/soci_user_repository.hpp"
#include "auth/adapters/workers/bounded_worker_pool.hpp"
#include "auth/adapters/workers/periodic_task.hpp"
#include "auth/app/read_revocation_feed.hpp"
#include "auth/config/auth_config.hpp"
#include "shared/http/server.hpp"
#include "shared/jwt/service_token.hpp"
#include "shared/log/logging.hpp"
#include "shared/service/startup.hpp"
#include "shared/time/clock.hpp"

namespace {

namespace log = shared::log;
constexpr const char* kServiceName = "auth-service";

// How often this replica catches up with the revocation log (what other
// replicas revoked, and waking the feed's long polls), and how often it
// prunes what has expired.
constexpr std::chrono::milliseconds kCatchUpInterval{100};
constexpr int kTicksPerPrune = 600;  // once a minute
// Feed events older than this are pruned; a follower behind that takes a
// new snapshot (410). The state tables keep what is in force regardless.
constexpr std::chrono::seconds kFeedRetention{7 * 24 * 3600};
constexpr std::chrono::seconds kAttemptPruneInterval{60};

// Catches up, wakes long polls and now and then prunes; logs a failure once
// when it starts and once when it ends, not every 100 ms. Once the server
// drains, long polls are answered at once rather than held.
class RevocationTick {
 public:
  RevocationTick(auth::app::LocalRevocations& revocations,
                 auth::adapters::postgres::SociSessionStore& store,
                 auth::adapters::http::FeedWaiters& waiters, const shared::time::Clock& clock,
                 std::chrono::seconds grace, std::function<bool()> draining)
      : revocations_(revocations),
        store_(store),
        waiters_(waiters),
        clock_(clock),
        grace_(grace),
        draining_(std::move(draining)) {}

  void operator()() {
    const auto caught_up = revocations_.catch_up();
    if (!caught_up && !failing_)
      log::warn("revocation log unreadable", {{"error", caught_up.error().message}});
    if (caught_up && failing_) log::info("revocation log readable again");
    failing_ = !caught_up;
    if (draining_()) waiters_.close();
    waiters_.wake(revocations_.cursor());
    if (++ticks_ % kTicksPerPrune != 0) return;
    revocations_.drop_expired();
    const auto pruned = store_.prune(clock_.now(), grace_, kFeedRetention);
    if (pruned && pruned->rows + pruned->events > 0) {
      log::info("pruned sessions and revocations",
                {{"rows", static_cast<std::uint64_t>(pruned->rows)},
                 {"events", static_cast<std::uint64_t>(pruned->events)}});
    }
  }

 private:
  auth::app::LocalRevocations& revocations_;
  auth::adapters::postgres::SociSessionStore& store_;
  auth::adapters::http::FeedWaiters& waiters_;
  const shared::time::Clock& clock_;
  std::chrono::seconds grace_;
  std::function<bool()> draining_;
  bool failing_ = false;
  std::uint64_t ticks_ = 0;
};

std::optional<std::string> key_id_if_rotating(const shared::config::JwtSettings& jwt) {
  if (jwt.previous_secrets.empty()) return std::nullopt;
  return shared::jwt::key_id_for(jwt.secret);
}

}  // namespace

int main(int argc, char** argv) {
  const auto mode = shared::service::begin(argc, argv, kServiceName);
  const auto config = shared::service::load_settings_or_exit(auth::config::load_auth_config);
  log::configure(config.log, kServiceName);

  shared::db::ConnectionPool pool({.url = config.database.url,
                                   .size = config.database.pool_size,
                                   .pooler = config.database.pooler,
                                   .statement_timeout = config.database.statement_timeout});
  if (!shared::service::migrate(pool, auth::adapters::postgres::migrations())) return 1;
  if (mode == shared::service::Mode::kMigrateOnly) return 0;

  shared::time::SystemClock clock;
  auth::adapters::postgres::SociUserRepository users(pool);
  auth::adapters::crypto::BotanPasswordHasher hasher(config.bcrypt_cost);
  auth::adapters::crypto::CppJwtTokenIssuer issuer(
      {config.jwt.secret, config.jwt.issuer, config.jwt.audience, config.token_lifetime,
       key_id_if_rotating(config.jwt)},
      clock);
  auth::adapters::crypto::SharedJwtTokenVerifier verifier(config.jwt);
  auth::adapters::crypto::BotanRefreshTokenGenerator refresh_tokens;
  auth::adapters::postgres::SociSessionStore sessions(pool);
  const shared::jwt::ServiceTokens service_tokens(config.service_jwt_secret, config.jwt.leeway,
                                                  clock);
  auth::adapters::postgres::SociAttemptCounters attempt_counters(pool);
  auth::domain::FailedLoginThrottle throttle(attempt_counters, config.login_limits, clock);
  auth::domain::SignUpLimit sign_up_limit(attempt_counters, config.sign_up_limits, clock);
  auth::adapters::workers::BoundedWorkerPool workers(config.hash_workers, config.hash_queue_limit);

  // Revocations in force, loaded before the first request is served.
  auth::app::LocalRevocations revocations(sessions, clock, config.jwt.leeway);
  if (const auto loaded = revocations.load(); !loaded) {
    log::error("cannot load the revocation log", {{"error", loaded.error().message}});
    return 1;
  }

  const auto lifetime = config.token_lifetime;
  const auth::app::SessionIssuer session_issuer(issuer, refresh_tokens, sessions, clock,
                                                config.refresh_lifetime);
  const auth::app::Authenticate authenticate(verifier, revocations);
  const auth::app::ConfirmPassword confirm_password(authenticate, users, hasher, throttle);
  const auth::app::SignUp sign_up(users, hasher, sign_up_limit);
  const auth::app::LogIn log_in(users, hasher, session_issuer, throttle);
  const auth::app::GetCurrentUser get_current_user(authenticate, users);
  const auth::app::VerifyToken verify_token(authenticate);
  const auth::app::RefreshSession refresh_session(users, sessions, refresh_tokens, session_issuer,
                                                  throttle, revocations, clock);
  const auth::app::LogOut log_out(authenticate, sessions, refresh_tokens, revocations, clock,
                                  lifetime);
  const auth::app::LogOutEverywhere log_out_everywhere(authenticate, sessions, revocations, clock,
                                                       lifetime);
  const auth::app::ChangePassword change_password(confirm_password, hasher, sessions,
                                                  session_issuer, revocations, clock, lifetime);
  const auth::app::DeleteAccount delete_account(confirm_password, sessions, revocations, clock,
                                                lifetime);
  const auth::app::ReadRevocationFeed read_feed(sessions, clock, config.jwt.leeway);
  auth::adapters::http::FeedWaiters feed_waiters(read_feed, clock);

  shared::metrics::Registry metrics(kServiceName);
  metrics.add_gauge("password_hash_queue_depth",
                    "Sign-ups and log-ins waiting for a bcrypt worker.",
                    [&] { return static_cast<double>(workers.queue_depth()); });
  metrics.add_gauge("db_pool_in_use", "Database connections leased right now.",
                    [&] { return static_cast<double>(pool.stats().in_use); });
  metrics.add_gauge("db_pool_idle", "Database connections not leased.",
                    [&] { return static_cast<double>(pool.stats().idle); });
  metrics.add_gauge("revocation_set_tokens", "Revoked access tokens not yet expired.",
                    [&] { return static_cast<double>(revocations.size().tokens); });
  metrics.add_gauge("revocation_set_users", "Users with a cutoff in force.",
                    [&] { return static_cast<double>(revocations.size().users); });
  metrics.add_gauge("revocation_feed_waiters", "Long polls of the revocation feed waiting.",
                    [&] { return static_cast<double>(feed_waiters.size()); });

  shared::http::Router router;
  auth::adapters::http::add_auth_routes(
      router,
      {authenticate, sign_up, log_in, get_current_user, verify_token, refresh_session, log_out,
       log_out_everywhere, change_password, delete_account},
      workers);
  auth::adapters::http::add_revocation_feed_route(router, read_feed, service_tokens, feed_waiters);
  shared::http::Server server(shared::http::server_options_from(config.http), std::move(router),
                              metrics, shared::http::ReadinessCheck{[&] { return pool.ping(); }});
  auth::adapters::workers::PeriodicTask revocation_tick(
      kCatchUpInterval, RevocationTick(revocations, sessions, feed_waiters, clock,
                                       config.jwt.leeway, [&server] { return server.draining(); }));
  // Attempt windows that ended are forgotten, so the table holds about one
  // window's worth of distinct emails and clients.
  auth::adapters::workers::PeriodicTask attempt_prune(kAttemptPruneInterval, [&] {
    const auto pruned = attempt_counters.prune(clock.now());
    if (pruned && *pruned > 0) {
      log::info("pruned attempt counters", {{"rows", static_cast<std::uint64_t>(*pruned)}});
    }
  });
  const auto port = server.start();
  log::info("serving", {{"port", static_cast<unsigned>(port)},
                        {"http_threads", config.http.threads},
                        {"hash_workers", static_cast<std::uint64_t>(config.hash_workers)},
                        {"bcrypt_cost", config.bcrypt_cost}});
  server.run_until_signal();
  revocation_tick.stop();
  feed_waiters.close();  // anything that arrived after the last tick
  workers.shutdown();    // answers anything still queued while the pool is alive
  log::info("stopped");
  return 0;
}
