#include "shared/service/startup.hpp"

#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>

#include "shared/db/migration_runner.hpp"
#include "shared/http/server.hpp"
#include "shared/log/logging.hpp"

namespace shared::service {

Mode begin(int argc, char** argv, std::string_view service_name) {
  http::block_shutdown_signals();
  if (argc == 1) return Mode::kServe;
  if (argc == 2 && std::string_view(argv[1]) == "--migrate-only") return Mode::kMigrateOnly;
  const std::string usage = "usage: " + std::string(service_name) + " [--migrate-only]\n";
  std::fputs(usage.c_str(), stderr);
  std::exit(2);
}

bool migrate(db::ConnectionPool& pool, const std::vector<db::Migration>& migrations) {
  const auto deadline = std::chrono::steady_clock::now() + kMigrationPatience;
  for (;;) {
    const auto report = db::apply_migrations(pool, migrations);
    if (report) return true;
    const bool retry = report.error().code == ErrorCode::kUnavailable &&
                       std::chrono::steady_clock::now() + kMigrationRetryEvery < deadline;
    log::error("database migrations failed",
               {{"reason", report.error().message}, {"will_retry", retry}});
    if (!retry) return false;
    std::this_thread::sleep_for(kMigrationRetryEvery);
  }
}

}  // namespace shared::service
