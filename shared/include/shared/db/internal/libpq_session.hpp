#pragma once
// The few things shared_db needs below SOCI, straight from libpq.
// Internal to shared_db; tests use it too.

#include <chrono>
#include <memory>
#include <string>
#include <string_view>

#include <soci/session.h>

#include "shared/result.hpp"

namespace shared::db::internal {

// Opens a session on a connect string from to_soci_connect_string(), routing
// server NOTICEs to the debug log instead of libpq's default stderr printer.
// Throws soci::soci_error when the server cannot be reached; its message may
// name host and port but never the password.
std::unique_ptr<soci::session> open_session(const std::string& connect_string);

// True when libpq already knows the connection is gone (no round trip).
bool is_connection_bad(soci::session& session) noexcept;

// True when the server has sent something on an idle connection, or closed
// it: a poll with no timeout, no round trip. An idle session (no query, no
// LISTEN) is sent nothing but, rarely, a notice or parameter report, and a
// server that ends it sends a FATAL and closes: confirm with is_alive().
bool has_unread_input(soci::session& session) noexcept;

// One round trip of `sql` (no parameters: "" or "SELECT 1"), waiting at most
// `timeout` for the whole answer. Behind a pooler a query waits in the
// pooler's queue while the server is down (PgBouncer: query_wait_timeout,
// 120 s by default) where a direct connection fails at once, so no check
// may wait unbounded. False when it fails or is late; a late connection is
// still mid-query and the pool drops it (leave_transaction refuses it).
bool answers_within(soci::session& session, const char* sql,
                    std::chrono::milliseconds timeout) noexcept;

// An empty query answered within 2 s: the server (or the pooler and a
// server behind it) still answers.
bool is_alive(soci::session& session) noexcept;

// Makes a connection fit for the next lease: rolls back a transaction the
// last user left open. False when it is not reusable (lost, or mid-query).
bool leave_transaction(soci::session& session) noexcept;

// Runs `sql` exactly as written through libpq's simple-query protocol, so a
// script may hold several statements, dollar-quoted bodies, `:name` text and
// comments. (SOCI's own `session << sql` rewrites every `:name` it sees to
// `$n`, even inside function bodies and comments.) No parameters are
// possible. Throws soci::postgresql_soci_error (with SQLSTATE) on failure.
void execute_script(soci::session& session, std::string_view sql);

}  // namespace shared::db::internal
