// auth-service's composition root: configuration → logging → database pool →
// migrations → adapters → use cases → routes → server. Nothing else here.
//
//   auth-service                 serve
//   auth-service --migrate-only  apply the schema migrations and exit 0
#include "auth/adapters/crypto/botan_password_hasher.hpp"
#include "auth/adapters/crypto/cpp_jwt_token_issuer.hpp"
#include "auth/adapters/crypto/shared_jwt_token_verifier.hpp"
#include "auth/adapters/http/auth_routes.hpp"
#include "auth/adapters/postgres/migrations.hpp"
#include "auth/adapters/postgres/soci_user_repository.hpp"
#include "auth/adapters/workers/bounded_worker_pool.hpp"
#include "auth/config/auth_config.hpp"
#include "shared/http/server.hpp"
#include "shared/log/logging.hpp"
#include "shared/service/startup.hpp"
#include "shared/time/clock.hpp"

namespace {

namespace log = shared::log;
constexpr const char* kServiceName = "auth-service";

std::optional<std::string> key_id_if_rotating(const shared::config::JwtSettings& jwt) {
  if (jwt.previous_secrets.empty()) return std::nullopt;
  return shared::jwt::key_id_for(jwt.secret);
}

}  // namespace

int main(int argc, char** argv) {
  const auto mode = shared::service::begin(argc, argv, kServiceName);
  const auto config = shared::service::load_settings_or_exit(auth::config::load_auth_config);
  log::configure(config.log, kServiceName);

  shared::db::ConnectionPool pool({config.database.url, config.database.pool_size});
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
  auth::domain::FailedLoginThrottle throttle(config.login_limits, clock);
  auth::adapters::workers::BoundedWorkerPool workers(config.hash_workers, config.hash_queue_limit);

  const auth::app::SignUp sign_up(users, hasher);
  const auth::app::LogIn log_in(users, hasher, issuer, throttle);
  const auth::app::GetCurrentUser get_current_user(verifier, users);
  const auth::app::VerifyToken verify_token(verifier);

  shared::metrics::Registry metrics(kServiceName);
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
  log::info("serving", {{"port", static_cast<unsigned>(port)},
                        {"http_threads", config.http.threads},
                        {"hash_workers", static_cast<std::uint64_t>(config.hash_workers)},
                        {"bcrypt_cost", config.bcrypt_cost}});
  server.run_until_signal();
  workers.shutdown();  // answers anything still queued while the pool is alive
  log::info("stopped");
  return 0;
}
