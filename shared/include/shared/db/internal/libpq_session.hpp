#pragma once
// The few things shared_db needs below SOCI, straight from libpq.
// Internal to shared_db; tests use it too.

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

// One round trip (an empty query) to check that the server still answers.
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
