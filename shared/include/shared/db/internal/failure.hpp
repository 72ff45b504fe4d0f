#pragma once
// Translating exceptions thrown by SOCI / libpq / the caller's code into
// Result errors. Internal to shared_db: used by ConnectionPool::with_session.

#include <soci/session.h>

#include "shared/result.hpp"

namespace shared::db::internal {

struct Failure {
  Error error;
  bool connection_level = false;  // the session is unusable; retry elsewhere
};

// Call only inside a catch block. Classifies the exception being handled:
// every database error becomes kUnavailable (503: never the client's fault),
// marked connection-level for SQLSTATE class 08 or 57P, or when libpq reports
// the connection as bad; any other exception (a bug) is kInternal. Logs the failure at
// error level with the database's primary message only: no SQL text, no bound
// parameters, no DETAIL line (which can quote row values).
Failure classify_current_exception(soci::session* session) noexcept;

}  // namespace shared::db::internal
