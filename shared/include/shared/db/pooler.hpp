#pragma once
// What sits between a service and PostgreSQL (DB_POOLER), which decides how
// statements may be prepared.
//
// none: PostgreSQL itself, or a pooler in session mode. A connection is one
//   server session from connect to close, so a statement prepared on it by
//   name stays there: statements run on every request are parsed and planned
//   once per connection.
// transaction: a pooler in transaction mode (PgBouncer pool_mode=transaction,
//   Neon's -pooler endpoints, Supabase's port 6543, RDS Proxy). Each
//   transaction, and each statement outside one, may run on another server
//   session, so nothing may outlive it: no named prepared statements (the
//   next round trip finds `prepared statement "st_1" does not exist`), no
//   SET, no session-level advisory locks. Every statement is sent unnamed
//   together with its parameters, in one round trip, and planned each time.

namespace shared::db {

enum class Pooler { none, transaction };

}  // namespace shared::db
