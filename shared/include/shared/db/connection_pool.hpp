#pragma once
// ConnectionPool: a fixed number of SOCI PostgreSQL sessions shared by the
// threads of one service.
//
// - Construction never touches the network: connections open lazily on
//   acquire(), so a service can start while its database is down and report
//   "not ready" (ping()) until it comes up.
// - Connections found broken are reopened on a later acquire(), so the pool
//   recovers by itself when PostgreSQL restarts: a connection the server
//   closed while idle is noticed (a poll, no round trip) and reopened before
//   reuse, and after any connection-level failure every idle connection is
//   validated (one round trip) before reuse.
// - Errors never contain the URL or its password.

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include "shared/db/internal/failure.hpp"
#include "shared/db/internal/pooled_connection.hpp"
#include "shared/db/lease.hpp"
#include "shared/db/pooler.hpp"
#include "shared/result.hpp"

namespace shared::db {
namespace internal {
template <class T>
inline constexpr bool is_result_v = false;
template <class T>
inline constexpr bool is_result_v<Result<T>> = true;
}  // namespace internal

struct PoolSettings {
  // libpq URI (postgresql://user:pw@host:port/db?sslmode=require) or keyword
  // string (host=... dbname=...); any libpq option works.
  std::string url;
  std::size_t size = 4;
  std::chrono::milliseconds acquire_timeout{2000};
  // Used when the URL sets no connect_timeout, so a down server fails fast.
  std::chrono::seconds connect_timeout{5};
  // DB_POOLER: how statements may be prepared (pooler.hpp).
  Pooler pooler = Pooler::none;
  // DB_STATEMENT_TIMEOUT (0: none); nullopt leaves the server's setting.
  // Pooler::none: set on every connection as it starts (a startup option,
  // no round trip). Pooler::transaction: a transaction-mode pooler refuses
  // startup options and a SET would stay on a server session other clients
  // then get, so it is not set. Either way the first connection reads the
  // value in force and logs a warning when it differs (the fix: ALTER ROLE
  // ... SET statement_timeout). A statement the timeout cancels (SQLSTATE
  // 57014) fails like any database error (kUnavailable); its connection
  // stays in the pool.
  std::optional<std::chrono::milliseconds> statement_timeout{};
};

struct PoolStats {
  std::size_t size = 0;    // connections the pool may hold
  std::size_t in_use = 0;  // leased right now
  std::size_t idle = 0;    // not leased (open or not yet opened)
};

// What with_session does when the connection is lost while f runs.
enum class Retry { once, never };

class ConnectionPool {
 public:
  // Never throws because of the database; an unparsable URL is logged once
  // and every acquire() then fails with kUnavailable.
  explicit ConnectionPool(PoolSettings settings);
  ~ConnectionPool();  // all leases must have ended
  ConnectionPool(const ConnectionPool&) = delete;
  ConnectionPool& operator=(const ConnectionPool&) = delete;

  // Waits up to `timeout` (default: settings.acquire_timeout) for a free
  // connection, then opens or revalidates it if needed, outside the pool
  // lock (so add up to connect_timeout when the server is unreachable).
  // kUnavailable when none frees up in time or the server cannot be reached.
  // A lease ended inside a transaction has it rolled back.
  Result<Lease> acquire();
  Result<Lease> acquire(std::chrono::milliseconds timeout);

  // Runs f on a leased connection and returns what it returns, a Result<T>.
  // f takes `soci::session&` or `Lease&` (for Lease::cached statements).
  // Every exception f throws is caught and logged server-side: every
  // database error becomes kUnavailable (a 503: a failover, a timeout, a
  // deadlock, a server gone; never the client's fault), any other exception
  // kInternal; f's own Result errors pass through.
  //
  // Cached statements of the connection are re-prepared after f throws.
  // Connections the server has closed while idle are replaced before f runs
  // (acquire). A connection lost while f runs is dropped, and then `retry`
  // decides:
  //   Retry::once (default): f runs ONCE MORE on a fresh connection. For
  //     reads, and for writes that give the same answer when repeated
  //     (an UPDATE setting given values; a transaction the lost connection
  //     rolled back before its COMMIT was sent).
  //   Retry::never: kUnavailable. For writes whose repetition would answer
  //     differently or apply twice when the first attempt's COMMIT reached
  //     the server but its reply did not (an INSERT, a DELETE, a toggle).
  template <class F>
  auto with_session(F&& f) {
    return with_session(Retry::once, settings_.acquire_timeout, std::forward<F>(f));
  }
  template <class F>
  auto with_session(Retry retry, F&& f) {
    return with_session(retry, settings_.acquire_timeout, std::forward<F>(f));
  }
  template <class F>
  auto with_session(std::chrono::milliseconds acquire_timeout, F&& f) {
    return with_session(Retry::once, acquire_timeout, std::forward<F>(f));
  }
  template <class F>
  auto with_session(Retry retry, std::chrono::milliseconds acquire_timeout, F&& f);

  // SELECT 1 on a pooled connection, waiting at most 1 s for a free one
  // (plus connect_timeout if it must connect) and 2 s for the answer, which
  // a pooler whose server is down would otherwise hold in its queue for
  // minutes: for readiness probes. Failures are logged like with_session's.
  bool ping();

  PoolStats stats() const;  // thread-safe snapshot, for metrics gauges
  const PoolSettings& settings() const noexcept { return settings_; }

 private:
  friend class Lease;
  void release(std::unique_ptr<internal::PooledConnection> connection) noexcept;
  Result<void> make_ready(internal::PooledConnection& connection);
  void note_connection_failure() noexcept;
  void check_server_statement_timeout(soci::session& session) noexcept;

  const PoolSettings settings_;
  const Result<std::string> connect_string_;
  mutable std::mutex mutex_;
  std::condition_variable released_;
  std::vector<std::unique_ptr<internal::PooledConnection>> idle_;  // LIFO
  std::size_t in_use_ = 0;
  std::atomic<std::uint64_t> failure_generation_{1};
  std::atomic<bool> statement_timeout_checked_{false};
};

template <class F>
auto ConnectionPool::with_session(Retry retry, std::chrono::milliseconds acquire_timeout, F&& f) {
  constexpr bool kTakesLease = std::is_invocable_v<F&, Lease&>;
  using R = typename std::conditional_t<kTakesLease, std::invoke_result<F&, Lease&>,
                                        std::invoke_result<F&, soci::session&>>::type;
  static_assert(internal::is_result_v<R>, "with_session: f must return a shared::Result<T>");
  for (int attempt = 1;; ++attempt) {
    Result<Lease> leased = acquire(acquire_timeout);
    if (!leased) return R(leased.error());
    Lease lease = std::move(leased).value();
    internal::Failure failure;
    try {
      if constexpr (kTakesLease) {
        return R(f(lease));
      } else {
        return R(f(lease.session()));
      }
    } catch (...) {
      failure = internal::classify_current_exception(&lease.session());
      lease.connection().cache.retire_all();  // see Lease::forget
    }
    if (!failure.connection_level) return R(std::move(failure.error));
    lease.mark_broken();
    if (retry == Retry::never || attempt == 2) return R(std::move(failure.error));
  }
}

}  // namespace shared::db
