// auth-service's composition root: configuration → logging → database pool →
// migrations → adapters → use cases → routes → server. Nothing else here.
//
//   auth-service                 serve
//   auth-service --migrate-only  apply the schema migrations and exit 0
#include <cstdio>
#include <string_view>
#include <thread>

#include "shared/db/migration_runner.hpp"
#include "shared/http/server.hpp"
#include "shared/log/logging.hpp"

#include "adapters/crypto/botan_password_hasher.hpp"
#include "adapters/crypto/cpp_jwt_token_issuer.hpp"
#include "adapters/crypto/shared_jwt_token_verifier.hpp"
#include "adapters/http/auth_routes.hpp"
#include "adapters/postgres/soci_user_repository.hpp"
#include "adapters/system/system_clock.hpp"
#include "adapters/workers/bounded_worker_pool.hpp"
#include "config/auth_config.hpp"

namespace auth::migrations {
const std::vector<shared::db::Migration>& migrations();
}

namespace {

namespace log = shared::log;

auth::config::AuthConfig load_config_or_exit() {
  try {
    return auth::config::load_auth_config(shared::config::Env());
  } catch (const shared::config::ConfigError& error) {
    shared::config::exit_on_config_error(error);
  }
}

// A database that is still starting (compose, Kubernetes) gets ~30 s; any
// other failure ends start-up at once.
bool migrate(shared::db::ConnectionPool& pool) {
  for (int attempt = 1;; ++attempt) {
    const auto report = shared::db::apply_migrations(pool, auth::migrations::migrations());
    if (report) return true;
    const bool retry = report.error().code == shared::ErrorCode::kUnavailable && attempt < 15;
    log::error("database migrations failed",
               {{"reason", report.error().message}, {"will_retry", retry}});
    if (!retry) return false;
    std::this_thread::sleep_for(std::chrono::seconds(2));
  }
}

std::optional<std::string> key_id_if_rotating(const shared::config::JwtSettings& jwt) {
  if (jwt.previous_secrets.empty()) return std::nullopt;
  return shared::jwt::key_id_for(jwt.secret);
}

}  // namespace

int main(int argc, char** argv) {
  shared::http::block_shutdown_signals();  // before any thread exists
  const bool migrate_only = argc == 2 && std::string_view(argv[1]) == "--migrate-only";
  if (argc > 2 || (argc == 2 && !migrate_only)) {
    std::fputs("usage: auth-service [--migrate-only]\n", stderr);
    return 2;
  }
  const auto config = load_config_or_exit();
  log::configure(config.log, "auth-service");

  shared::db::ConnectionPool pool({config.database.url, config.database.pool_size});
  if (!migrate(pool)) return 1;
  if (migrate_only) return 0;

  auth::adapters::SystemClock clock;
  auth::adapters::SociUserRepository users(pool);
  auth::adapters::BotanPasswordHasher hasher(config.bcrypt_cost);
  auth::adapters::CppJwtTokenIssuer issuer(
      {config.jwt.secret, config.jwt.issuer, config.jwt.audience, config.token_lifetime,
       key_id_if_rotating(config.jwt)},
      clock);
  auth::adapters::SharedJwtTokenVerifier verifier(config.jwt);
  auth::domain::FailedLoginThrottle throttle(config.login_limits, clock);
  auth::adapters::BoundedWorkerPool workers(config.hash_workers, config.hash_queue_limit);

  const auth::app::SignUp sign_up(users, hasher);
  const auth::app::LogIn log_in(users, hasher, issuer, throttle);
  const auth::app::GetCurrentUser get_current_user(verifier, users);
  const auth::app::VerifyToken verify_token(verifier);

  shared::metrics::Registry metrics("auth-service");
  metrics.add_gauge("password_hash_queue_depth",
                    "Sign-ups and log-ins waiting for a bcrypt worker.",
                    [&] { return static_cast<double>(workers.queue_depth()); });
  metrics.add_gauge("db_pool_in_use", "Database connections leased right now.",
                    [&] { return static_cast<double>(pool.stats().in_use); });
  metrics.add_gauge("db_pool_idle", "Database connections not leased.",
                    [&] { return static_cast<double>(pool.stats().idle); });

  shared::http::Router router;
  auth::adapters::http::add_auth_routes(router, {sign_up, log_in, get_current_user, verify_token},
                                        workers);
  shared::http::Server server(shared::http::server_options_from(config.http), std::move(router),
                              metrics, shared::http::ReadinessCheck{[&] { return pool.ping(); }});
  const auto port = server.start();
  log::info("auth-service serving",
            {{"port", static_cast<unsigned>(port)},
             {"http_threads", config.http.threads},
             {"hash_workers", static_cast<std::uint64_t>(config.hash_workers)},
             {"bcrypt_cost", config.bcrypt_cost}});
  server.run_until_signal();
  workers.shutdown();  // answers anything still queued while the pool is alive
  log::info("auth-service stopped");
  return 0;
}
