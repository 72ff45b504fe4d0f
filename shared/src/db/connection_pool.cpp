#include "shared/db/connection_pool.hpp"

#include <algorithm>
#include <cassert>
#include <utility>

#include <soci/soci.h>

#include "shared/db/internal/connect_string.hpp"
#include "shared/db/internal/libpq_session.hpp"
#include "shared/log/logging.hpp"

namespace shared::db {
namespace {

constexpr std::chrono::milliseconds kPingAcquireTimeout{1000};
// Under the usual readiness probe period (10 s) and the pooler's own queue
// timeouts, over any healthy round trip.
constexpr std::chrono::milliseconds kPingAnswerTimeout{2000};

// The server's statement_timeout in milliseconds (pg_settings gives it in
// its unit, where SHOW gives "5s") and the role to set it on, quoted.
constexpr char kServerTimeoutSql[] =
    "SELECT CAST(setting AS bigint), quote_ident(current_user) FROM pg_settings "
    "WHERE name = 'statement_timeout'";

Result<std::string> checked_connect_string(const PoolSettings& settings) {
  // Behind a transaction-mode pooler no startup option may be sent
  // (PgBouncer: "unsupported startup parameter: options").
  const auto statement_timeout =
      settings.pooler == Pooler::none ? settings.statement_timeout : std::nullopt;
  auto connect_string =
      internal::to_soci_connect_string(settings.url, settings.connect_timeout, statement_timeout);
  if (!connect_string) {
    shared::log::error("database URL cannot be parsed; every database call will fail");
  }
  return connect_string;
}

// libpq's reason for a failed connect, e.g. "connection to server at
// \"db\" (10.0.0.5), port 5432 failed: Connection refused". libpq never prints
// the password, and the URL itself was already validated by
// PQconninfoParse, so its message cannot be echoed here.
std::string connect_failure_reason(const soci::soci_error& e) {
  std::string message = e.get_error_message();
  const auto first_newline = message.find('\n');
  if (first_newline != std::string::npos) message.erase(0, first_newline + 1);
  return message.substr(0, message.find('\n'));
}

}  // namespace

ConnectionPool::ConnectionPool(PoolSettings settings)
    : settings_(std::move(settings)), connect_string_(checked_connect_string(settings_)) {
  idle_.reserve(settings_.size);
  for (std::size_t i = 0; i < settings_.size; ++i) {
    idle_.push_back(std::make_unique<internal::PooledConnection>());
  }
}

ConnectionPool::~ConnectionPool() {
  std::lock_guard lock(mutex_);
  assert(in_use_ == 0 && "a Lease outlived its ConnectionPool");
}

Result<Lease> ConnectionPool::acquire() {
  return acquire(settings_.acquire_timeout);
}

Result<Lease> ConnectionPool::acquire(std::chrono::milliseconds timeout) {
  if (!connect_string_) return Error::unavailable("Database unavailable");
  std::unique_ptr<internal::PooledConnection> connection;
  {
    std::unique_lock lock(mutex_);
    if (!released_.wait_for(lock, timeout, [this] { return !idle_.empty(); })) {
      return Error::unavailable("Database unavailable: all connections are busy");
    }
    connection = std::move(idle_.back());
    idle_.pop_back();
    ++in_use_;
  }
  // From here on the lease hands the slot back, whatever happens.
  Lease lease(*this, std::move(connection));
  if (Result<void> ready = make_ready(lease.connection()); !ready) return ready.error();
  return lease;
}

// Runs without the pool lock: connecting or validating takes a round trip.
Result<void> ConnectionPool::make_ready(internal::PooledConnection& connection) {
  std::uint64_t generation = failure_generation_.load();
  if (connection.broken) {
    connection.disconnect();
    connection.broken = false;
  }
  if (connection.session && internal::is_connection_bad(*connection.session)) {
    connection.disconnect();
  }
  // The server may have closed this idle connection (a restart, an
  // administrator, an idle timeout): find out now rather than let the
  // caller's statement do it, because a statement that fails in flight may
  // or may not have been applied. Its siblings probably went the same way.
  if (connection.session && internal::has_unread_input(*connection.session) &&
      !internal::is_alive(*connection.session)) {
    connection.disconnect();
    note_connection_failure();
    generation = failure_generation_.load();  // this one reconnects below
  }
  // Some connection failed since this one was last checked (e.g. the server
  // restarted): it is probably dead too, so find out before the caller does.
  if (connection.session && connection.checked_generation != generation &&
      !internal::is_alive(*connection.session)) {
    connection.disconnect();
  }
  if (!connection.session) {
    try {
      connection.session = internal::open_session(connect_string_.value());
    } catch (const soci::soci_error& e) {
      shared::log::warn("cannot connect to the database", {{"reason", connect_failure_reason(e)}});
      return Error::unavailable("Database unavailable");
    }
    check_server_statement_timeout(*connection.session);
  }
  connection.checked_generation = generation;
  return Result<void>::success();
}

void ConnectionPool::release(std::unique_ptr<internal::PooledConnection> connection) noexcept {
  // All of this may touch the network, so it happens before taking the lock.
  // A transaction left open (no soci::transaction, or an error path that
  // skipped it) must not leak into the next lease.
  if (connection->session && !connection->broken &&
      !internal::leave_transaction(*connection->session)) {
    connection->broken = true;
    note_connection_failure();
  }
  connection->cache.drop_retired();  // outside any transaction by now
  if (connection->broken) {
    connection->disconnect();
    connection->broken = false;
  }
  {
    std::lock_guard lock(mutex_);
    idle_.push_back(std::move(connection));
    --in_use_;
  }
  released_.notify_one();
}

// Whether the statement_timeout statements get is the configured one, said
// once, at the first connection (a failed check is tried again on the next
// new connection). Behind a transaction-mode pooler it cannot be set per
// connection (PoolSettings::statement_timeout), so the server's, normally
// the role's, is what counts and may well differ. Without one it was sent
// as a startup option and differs only when something on the way dropped
// it (a pooler told to ignore startup parameters).
void ConnectionPool::check_server_statement_timeout(soci::session& session) noexcept {
  if (!settings_.statement_timeout || statement_timeout_checked_.exchange(true)) return;
  try {
    long long server_ms = 0;
    std::string role;
    session << kServerTimeoutSql, soci::into(server_ms), soci::into(role);
    const long long configured_ms = settings_.statement_timeout->count();
    if (server_ms == configured_ms) return;
    const char* const message =
        settings_.pooler == Pooler::transaction
            ? "the database's statement_timeout is not DB_STATEMENT_TIMEOUT, which cannot be set "
              "per connection behind a transaction-mode pooler (DB_POOLER=transaction): set it on "
              "the role"
            : "the database's statement_timeout is not DB_STATEMENT_TIMEOUT: something between "
              "this service and PostgreSQL dropped the startup option (a pooler ignoring startup "
              "parameters?); behind a pooler set DB_POOLER=transaction and the timeout on the role";
    shared::log::warn(message, {{"configured_ms", static_cast<std::int64_t>(configured_ms)},
                                {"server_ms", static_cast<std::int64_t>(server_ms)},
                                {"fix", "ALTER ROLE " + role + " SET statement_timeout = " +
                                            std::to_string(configured_ms)}});
  } catch (const soci::soci_error& e) {
    statement_timeout_checked_ = false;
    const std::string error = e.get_error_message();
    shared::log::warn("could not read the database's statement_timeout",
                      {{"error", error.substr(0, error.find('\n'))}});
  } catch (...) {
    statement_timeout_checked_ = false;
  }
}

void ConnectionPool::note_connection_failure() noexcept {
  failure_generation_.fetch_add(1);
}

bool ConnectionPool::ping() {
  const auto timeout = std::min(settings_.acquire_timeout, kPingAcquireTimeout);
  Result<bool> answer = with_session(timeout, [](soci::session& session) -> Result<bool> {
    if (internal::answers_within(session, "SELECT 1", kPingAnswerTimeout)) return true;
    // Late (a pooler queueing while its server is down) or failed: the
    // connection is dropped on release, still mid-query if it was late.
    shared::log::warn("database did not answer SELECT 1 in time",
                      {{"timeout_ms", static_cast<std::int64_t>(kPingAnswerTimeout.count())}});
    return Error::unavailable("Database unavailable");
  });
  return answer.ok() && answer.value();
}

PoolStats ConnectionPool::stats() const {
  std::lock_guard lock(mutex_);
  return PoolStats{settings_.size, in_use_, idle_.size()};
}

}  // namespace shared::db
