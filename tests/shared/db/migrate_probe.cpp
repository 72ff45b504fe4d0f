// Helper process for concurrent_migration_test: applies a fixed set of
// migrations to the database given on the command line, starting at a given
// wall-clock instant so that two probes really collide.
//
// Usage: migrate_probe <database-url> <start-at, ms since the Unix epoch>
// Prints "applied=<n> present=<m>" and exits 0 on success, 1 on failure.
#include <chrono>
#include <cstdio>
#include <string>
#include <thread>

#include "shared/db/migration_runner.hpp"

namespace {

// Each migration logs itself into probe_log, so a migration applied twice
// shows up as a duplicate row. The sleep keeps the first transaction open
// long enough for the other process to queue behind the advisory lock.
const std::vector<shared::db::Migration> kMigrations = {
    {"0001_create_log",
     "CREATE TABLE probe_log (version text NOT NULL);"
     "INSERT INTO probe_log VALUES ('0001_create_log');"
     "SELECT pg_sleep(0.3);"},
    {"0002_create_items",
     "CREATE TABLE probe_items (id integer PRIMARY KEY);"
     "INSERT INTO probe_log VALUES ('0002_create_items');"},
    {"0003_seed_items",
     "INSERT INTO probe_items VALUES (1), (2);"
     "INSERT INTO probe_log VALUES ('0003_seed_items');"},
};

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: migrate_probe <database-url> <start-at-epoch-ms>\n");
    return 2;
  }
  const std::chrono::system_clock::time_point start_at{
      std::chrono::milliseconds(std::stoll(argv[2]))};
  std::this_thread::sleep_until(start_at);

  shared::db::PoolSettings settings;
  settings.url = argv[1];
  settings.size = 1;
  shared::db::ConnectionPool pool(settings);
  auto report = shared::db::apply_migrations(pool, kMigrations);
  if (!report) {
    std::fprintf(stderr, "migrate_probe: %s\n", report.error().message.c_str());
    return 1;
  }
  std::printf("applied=%zu present=%zu\n", report->applied.size(), report->already_present.size());
  return 0;
}
