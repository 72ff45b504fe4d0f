#include "shared/db/internal/libpq_session.hpp"

#include <cerrno>
#include <chrono>
#include <memory>
#include <string>

#include <poll.h>
#include <soci/postgresql/soci-postgresql.h>

#include "shared/log/logging.hpp"

namespace shared::db::internal {
namespace {

// SOCI's PostgreSQL backend exports no RTTI for its session type, so no
// dynamic_cast; open_session() only ever creates postgresql sessions.
PGconn* native_handle(soci::session& session) noexcept {
  auto* backend = static_cast<soci::postgresql_session_backend*>(session.get_backend());
  return backend != nullptr ? backend->conn_ : nullptr;
}

// Notices (e.g. "relation already exists, skipping") would otherwise go to
// stderr unformatted; they are not errors.
void log_notice(void* /*unused*/, const char* message) {
  std::string_view text(message);
  while (!text.empty() && text.back() == '\n') text.remove_suffix(1);
  shared::log::debug("postgresql notice", {{"notice", text}});
}

struct ResultDeleter {
  void operator()(PGresult* result) const { PQclear(result); }
};

}  // namespace

std::unique_ptr<soci::session> open_session(const std::string& connect_string) {
  auto session = std::make_unique<soci::session>(soci::postgresql, connect_string);
  PQsetNoticeProcessor(native_handle(*session), &log_notice, nullptr);
  return session;
}

bool is_connection_bad(soci::session& session) noexcept {
  PGconn* conn = native_handle(session);
  return conn == nullptr || PQstatus(conn) == CONNECTION_BAD;
}

bool has_unread_input(soci::session& session) noexcept {
  PGconn* conn = native_handle(session);
  if (conn == nullptr || PQsocket(conn) < 0) return true;
  pollfd socket{PQsocket(conn), POLLIN, 0};
  return ::poll(&socket, 1, 0) != 0;  // readable, hung up, or poll itself failed
}

bool answers_within(soci::session& session, const char* sql,
                    std::chrono::milliseconds timeout) noexcept {
  PGconn* conn = native_handle(session);
  if (conn == nullptr || PQstatus(conn) != CONNECTION_OK || PQsendQuery(conn, sql) != 1) {
    return false;
  }
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  bool answered = true;
  for (;;) {
    while (PQisBusy(conn) != 0) {
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
          deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0) return false;
      pollfd socket{PQsocket(conn), POLLIN, 0};
      const int ready = ::poll(&socket, 1, static_cast<int>(left.count()));
      if (ready < 0 && errno != EINTR) return false;
      if (ready > 0 && PQconsumeInput(conn) != 1) return false;
    }
    std::unique_ptr<PGresult, ResultDeleter> result(PQgetResult(conn));
    if (!result) break;
    const ExecStatusType status = PQresultStatus(result.get());
    answered = answered && (status == PGRES_EMPTY_QUERY || status == PGRES_TUPLES_OK ||
                            status == PGRES_COMMAND_OK);
  }
  return answered && PQstatus(conn) == CONNECTION_OK;
}

bool is_alive(soci::session& session) noexcept {
  return answers_within(session, "", std::chrono::seconds(2));
}

bool leave_transaction(soci::session& session) noexcept {
  PGconn* conn = native_handle(session);
  if (conn == nullptr || PQstatus(conn) != CONNECTION_OK) return false;
  switch (PQtransactionStatus(conn)) {
    case PQTRANS_IDLE:
      return true;
    case PQTRANS_INTRANS:
    case PQTRANS_INERROR: {
      shared::log::warn("database connection returned inside a transaction; rolling it back");
      std::unique_ptr<PGresult, ResultDeleter> result(PQexec(conn, "ROLLBACK"));
      return PQresultStatus(result.get()) == PGRES_COMMAND_OK;
    }
    default:  // PQTRANS_ACTIVE, PQTRANS_UNKNOWN
      return false;
  }
}

void execute_script(soci::session& session, std::string_view sql) {
  PGconn* conn = native_handle(session);
  std::unique_ptr<PGresult, ResultDeleter> result(PQexec(conn, std::string(sql).c_str()));
  const ExecStatusType status = PQresultStatus(result.get());
  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_EMPTY_QUERY) {
    return;
  }
  const char* sqlstate = PQresultErrorField(result.get(), PG_DIAG_SQLSTATE);
  // Same fallback as SOCI: a lost connection carries no SQLSTATE.
  if (sqlstate == nullptr) sqlstate = PQstatus(conn) == CONNECTION_BAD ? "08000" : "XX000";
  const char* message = result ? PQresultErrorMessage(result.get()) : PQerrorMessage(conn);
  throw soci::postgresql_soci_error(std::string("Cannot execute script. ") + message, sqlstate);
}

}  // namespace shared::db::internal
