#pragma once
// Applies a service's embedded schema migrations at startup.

#include <string>
#include <vector>

#include "shared/db/connection_pool.hpp"
#include "shared/db/migration.hpp"
#include "shared/result.hpp"

namespace shared::db {

struct MigrationReport {
  std::vector<std::string> applied;          // versions applied by this call, in order
  std::vector<std::string> already_present;  // versions found in schema_migrations
};

// Brings the database up to date in ONE transaction, with no statement
// timeout (SET LOCAL: a migration may take long, and so may waiting for
// another replica's):
//   1. pg_advisory_xact_lock on a fixed key, FIRST, so replicas starting
//      together queue here (even CREATE TABLE IF NOT EXISTS races otherwise);
//   2. create schema_migrations(version, applied_at) if missing;
//   3. apply every migration not recorded yet, in ascending version order,
//      recording each.
// Any failure rolls everything back (nothing applied, nothing recorded) and
// the error names the failing version, never its SQL.
//
// Each migration's SQL runs exactly as written through libpq's simple-query
// protocol: several `;`-separated statements, dollar-quoted function bodies
// and `:name` text are fine. It runs inside the transaction, so it must not
// COMMIT itself or use statements that refuse transactions (e.g. CREATE INDEX
// CONCURRENTLY, ALTER TYPE ... ADD VALUE before PostgreSQL 12).
//
// Errors: kInvalidArgument for duplicate versions in `migrations`;
// kUnavailable when the database cannot be reached; kInternal when a
// migration fails.
Result<MigrationReport> apply_migrations(ConnectionPool& pool,
                                         const std::vector<Migration>& migrations);

}  // namespace shared::db
