#pragma once
// Building SOCI statements that work behind any pooler (see pooler.hpp).
//
// SOCI's `session.prepare << sql` always prepares a NAMED server-side
// statement (PQprepare), executed later by name and DEALLOCATEd when the
// statement object goes: three round trips for a statement run once, and a
// name that a transaction-mode pooler loses between them. These helpers
// choose instead:
//   - one_time_statement / for_each_row: for a statement run once. Sent
//     unnamed with its parameters (PQexecParams): one round trip, nothing
//     left on the server, fine behind every pooler.
//   - prepare_statement: for a statement kept on a connection and run again
//     and again (Lease::cached): named when the connection reaches
//     PostgreSQL directly, unnamed like the above behind a transaction-mode
//     pooler.
// SOCI's `session << sql` (a one-time query) is already unnamed.

#include <string>
#include <utility>

#include <soci/soci.h>

#include "shared/db/pooler.hpp"

namespace shared::db {

// Exchanges `elements` (soci::use and soci::into, each kind in placeholder
// or column order), then prepares `sql` on `statement`'s session: named
// under Pooler::none, unnamed under Pooler::transaction. The variables the
// elements refer to must outlive the statement (declare it after them).
template <class... Elements>
void prepare_statement(soci::statement& statement, Pooler pooler, const std::string& sql,
                       Elements&&... elements) {
  (statement.exchange(std::forward<Elements>(elements)), ...);
  statement.alloc();
  statement.prepare(sql, pooler == Pooler::none ? soci::details::st_repeatable_query
                                                : soci::details::st_one_time_query);
  statement.define_and_bind();
}

// A statement to execute once (unnamed, see above).
template <class... Elements>
soci::statement one_time_statement(soci::session& session, const std::string& sql,
                                   Elements&&... elements) {
  soci::statement statement(session);
  (statement.exchange(std::forward<Elements>(elements)), ...);
  statement.alloc();
  statement.prepare(sql, soci::details::st_one_time_query);
  statement.define_and_bind();
  return statement;
}

// Runs `sql` once (unnamed) with `uses` bound and calls on_row(const
// soci::row&) for every row it returns, as soci::rowset<soci::row> would.
template <class OnRow, class... Uses>
void for_each_row(soci::session& session, const std::string& sql, OnRow&& on_row, Uses&&... uses) {
  soci::row row;
  soci::statement statement = one_time_statement(session, sql, std::forward<Uses>(uses)...);
  statement.exchange_for_rowset(soci::into(row));  // after preparing, as rowset does
  statement.execute();
  while (statement.fetch()) on_row(std::as_const(row));
}

}  // namespace shared::db
