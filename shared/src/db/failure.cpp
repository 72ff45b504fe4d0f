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

Failure database_failure(const soci::soci_error& e, const std::string& sqlstate,
                         soci::session* session) {
  const bool connection_level = e.get_error_category() == soci::soci_error::connection_error ||
                                is_connection_sqlstate(sqlstate) ||
                                (session != nullptr && is_connection_bad(*session));
  shared::log::error("database operation failed",
                     {{"sqlstate", sqlstate},
                      {"connection_lost", connection_level},
                      {"error", primary_message(e.get_error_message())}});
  if (connection_level) return {Error::unavailable("Database unavailable"), true};
  return {Error::internal("Database error"), false};
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
