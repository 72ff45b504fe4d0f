#include "shared/db/migration_runner.hpp"

#include <algorithm>
#include <set>

#include <soci/soci.h>

#include "shared/db/internal/failure.hpp"
#include "shared/db/internal/libpq_session.hpp"
#include "shared/db/statements.hpp"
#include "shared/log/logging.hpp"

namespace shared::db {
namespace {

// Any fixed value works as long as every service uses the same one for
// migrations and nothing else: "todo_mig" in ASCII.
constexpr long long kMigrationLockKey = 0x746f646f5f6d6967LL;

constexpr char kLockSql[] = "SELECT pg_advisory_xact_lock(:key)";
// DB_STATEMENT_TIMEOUT bounds requests, not schema changes: waiting for
// another replica's migrations, or rewriting a large table, may take longer.
// SET LOCAL ends with this transaction, so nothing leaks behind a pooler.
constexpr char kNoTimeoutSql[] = "SET LOCAL statement_timeout = 0";
constexpr char kCreateTableSql[] =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " version text PRIMARY KEY,"
    " applied_at timestamptz NOT NULL DEFAULT now())";
constexpr char kSelectVersionsSql[] = "SELECT version FROM schema_migrations";
constexpr char kRecordVersionSql[] = "INSERT INTO schema_migrations (version) VALUES (:version)";

std::vector<const Migration*> in_version_order(const std::vector<Migration>& migrations) {
  std::vector<const Migration*> ordered;
  ordered.reserve(migrations.size());
  for (const Migration& m : migrations) ordered.push_back(&m);
  std::sort(ordered.begin(), ordered.end(),
            [](const Migration* a, const Migration* b) { return a->version < b->version; });
  return ordered;
}

bool has_duplicates(const std::vector<const Migration*>& ordered) {
  return std::adjacent_find(ordered.begin(), ordered.end(), [](const auto* a, const auto* b) {
           return a->version == b->version;
         }) != ordered.end();
}

std::set<std::string> recorded_versions(soci::session& session) {
  std::set<std::string> versions;
  for_each_row(session, kSelectVersionsSql,
               [&](const soci::row& row) { versions.insert(row.get<std::string>(0)); });
  return versions;
}

// Throws only for connection-level failures, so with_session retries the
// whole transaction on a fresh connection; any other failure is reported as
// the version that failed.
Result<MigrationReport> migrate(soci::session& session,
                                const std::vector<const Migration*>& ordered) {
  soci::transaction transaction(session);  // rolls back unless committed
  internal::execute_script(session, kNoTimeoutSql);
  session << kLockSql, soci::use(kMigrationLockKey);
  internal::execute_script(session, kCreateTableSql);
  const std::set<std::string> recorded = recorded_versions(session);

  MigrationReport report;
  for (const Migration* migration : ordered) {
    if (recorded.count(migration->version) != 0) {
      report.already_present.push_back(migration->version);
      continue;
    }
    try {
      internal::execute_script(session, migration->sql);
      session << kRecordVersionSql, soci::use(migration->version);
    } catch (...) {
      internal::Failure failure = internal::classify_current_exception(&session);
      if (failure.connection_level) throw;
      shared::log::error("migration failed; rolled back", {{"version", migration->version}});
      return Error::internal("Migration " + migration->version + " failed");
    }
    report.applied.push_back(migration->version);
  }
  transaction.commit();
  return report;
}

}  // namespace

Result<MigrationReport> apply_migrations(ConnectionPool& pool,
                                         const std::vector<Migration>& migrations) {
  const std::vector<const Migration*> ordered = in_version_order(migrations);
  if (has_duplicates(ordered)) {
    return Error::invalid_field({"migrations"}, "two migrations share one version");
  }
  Result<MigrationReport> report =
      pool.with_session([&](soci::session& session) { return migrate(session, ordered); });
  if (report) {
    shared::log::info(
        "database migrations done",
        {{"applied", static_cast<std::uint64_t>(report->applied.size())},
         {"already_present", static_cast<std::uint64_t>(report->already_present.size())}});
  }
  return report;
}

}  // namespace shared::db
