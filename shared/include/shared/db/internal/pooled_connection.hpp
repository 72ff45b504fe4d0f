#pragma once
// One slot of the ConnectionPool: a possibly not-yet-open session and what
// belongs to it. Internal to shared_db.

#include <cstdint>
#include <memory>

#include <soci/session.h>

#include "shared/db/internal/statement_cache.hpp"

namespace shared::db::internal {

struct PooledConnection {
  std::unique_ptr<soci::session> session;  // null until connected
  StatementCache cache;                    // statements prepared on `session`
  // The pool's failure generation when this session was last known good; a
  // newer pool generation means "validate before reuse".
  std::uint64_t checked_generation = 0;
  bool broken = false;  // set by Lease::mark_broken(); reconnect on next use

  // Statements must go before the session they were prepared on.
  void disconnect() noexcept {
    cache.clear();
    session.reset();
  }
  ~PooledConnection() { disconnect(); }
};

}  // namespace shared::db::internal
