#include "shared/db/internal/failure.hpp"

#include <exception>
#include <string>

#include <soci/postgresql/soci-postgresql.h>

#include "shared/db/internal/libpq_session.hpp"
#include "shared/log/logging.hpp"

namespace shared::db::internal {
namespace {

// The first line of a PostgreSQL error: the primary message. Later lines
// (DETAIL, e.g. "Key (email)=(...) already exists", and SOCI's
// `while executing "..." with :v=...` context) can hold row data.
std::string primary_message(const std::string& message) {
  return message.substr(0, message.find('\n'));
}

// Class 08 is connection_exception; 57P01..57P03 are admin/crash shutdown
// and "cannot connect now", which arrive with a real SQLSTATE while the
// server goes down, so SOCI files them under `unknown`.
bool is_connection_sqlstate(const std::string& sqlstate) {
  return sqlstate.rfind("08", 0) == 0 || sqlstate.rfind("57P", 0) == 0;
}

// 26000 (invalid_sql_statement_name) and 42P05 (duplicate_prepared_statement)
// on a named statement mean the server session changed under the
// connection: a transaction-mode pooler with DB_POOLER left at `none`.
bool is_lost_prepared_statement(const std::string& sqlstate) {
  return sqlstate == "26000" || sqlstate == "42P05";
}

Failure database_failure(const soci::soci_error& e, const std::string& sqlstate,
                         soci::session* session) {
  const bool connection_level = e.get_error_category() == soci::soci_error::connection_error ||
                                is_connection_sqlstate(sqlstate) ||
                                (session != nullptr && is_connection_bad(*session));
  shared::log::error("database operation failed",
                     {{"sqlstate", sqlstate},
                      {"connection_lost", connection_level},
                      {"error", primary_message(e.get_error_message())}});
  if (is_lost_prepared_statement(sqlstate)) {
    shared::log::error(
        "a prepared statement vanished between round trips: if DATABASE_URL points at a "
        "transaction-mode pooler (PgBouncer, a -pooler endpoint, port 6543), set "
        "DB_POOLER=transaction");
  }
  if (connection_level) return {Error::unavailable("Database unavailable"), true};
  // Never the client's fault (requests are validated before any SQL runs)
  // and mostly passing: a failover to a read-only standby (25006), a
  // statement timeout (57014), a deadlock (40P01), a full disk (53100).
  // The log line above says which; the client gets 503 and may retry.
  return {Error::unavailable("Database error"), false};
}

}  // namespace

Failure classify_current_exception(soci::session* session) noexcept {
  try {
    throw;
  } catch (const soci::postgresql_soci_error& e) {
    return database_failure(e, e.sqlstate(), session);
  } catch (const soci::soci_error& e) {
    return database_failure(e, "", session);
  } catch (const std::exception& e) {
    shared::log::error("unexpected exception in database operation", {{"error", e.what()}});
  } catch (...) {
    shared::log::error("unexpected exception in database operation");
  }
  return {Error::internal("Internal error"), false};
}

}  // namespace shared::db::internal
