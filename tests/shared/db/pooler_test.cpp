// Integration tests through a real PgBouncer in transaction mode with two
// server connections (tests/run.sh starts it: TEST_PGBOUNCER_URL), where
// consecutive round trips of one client connection may reach different
// server sessions.
#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>

#include "shared/db/statements.hpp"

#include "pool_test_helpers.hpp"

using shared::Result;
using shared::db::ConnectionPool;
using shared::db::Lease;
using shared::db::Pooler;

namespace {

constexpr int kThreads = 8;  // client connections, against 2 server connections
constexpr int kRounds = 60;

struct AddOne {
  explicit AddOne(Lease& lease) : statement(lease.session()) {
    lease.prepare(statement, "SELECT CAST(:n AS integer) + 1", soci::use(n), soci::into(result));
  }
  int n = 0;
  int result = 0;
  soci::statement statement;
};

// What a repository does on one request: a cached statement, a one-time
// row query and a write in a transaction. True when every answer was right.
Result<bool> one_request(Lease& lease, int n) {
  auto& add = lease.cached<AddOne>("test.add_one", [](Lease& l) { return AddOne(l); });
  add.n = n;
  add.statement.execute(true);
  long long rows = 0;
  shared::db::for_each_row(
      lease.session(), "SELECT g FROM generate_series(1, CAST(:n AS integer)) AS g",
      [&](const soci::row&) { ++rows; }, soci::use(n, "n"));
  soci::transaction transaction(lease.session());
  lease.session() << "INSERT INTO writes (n) VALUES (:n)", soci::use(n);
  transaction.commit();
  return add.result == n + 1 && rows == n;
}

struct LoadResult {
  int right = 0;
  int failed = 0;
  int internal = 0;  // failures that would be a 500
};

LoadResult run_load(ConnectionPool& pool) {
  std::atomic<int> right{0};
  std::atomic<int> failed{0};
  std::atomic<int> internal{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 1; round <= kRounds; ++round) {
        auto answer = pool.with_session(
            [&](Lease& lease) { return one_request(lease, (t * kRounds + round) % 7 + 1); });
        if (answer.ok() && answer.value()) {
          ++right;
        } else {
          ++failed;
          if (!answer.ok() && answer.error().code == shared::ErrorCode::kInternal) ++internal;
        }
      }
    });
  }
  for (auto& thread : threads) thread.join();
  return {right.load(), failed.load(), internal.load()};
}

std::string database_with_writes_table(const char* hint) {
  const std::string url = test_support::create_test_database(hint);
  ConnectionPool direct(db_test::settings_for(url, 1));
  REQUIRE(direct.with_session([](soci::session& s) -> Result<bool> {
    s << "CREATE TABLE writes (n integer NOT NULL)";
    return true;
  }));
  return url;
}

}  // namespace

TEST_CASE("DB_POOLER=transaction: every request right through PgBouncer in transaction mode") {
  const std::string url = database_with_writes_table("pooler_tx");
  auto settings = db_test::settings_for(test_support::through_pgbouncer(url), kThreads);
  settings.pooler = Pooler::transaction;
  ConnectionPool pool(settings);
  const LoadResult result = run_load(pool);
  CHECK(result.failed == 0);
  CHECK(result.right == kThreads * kRounds);
  ConnectionPool direct(db_test::settings_for(url, 1));
  CHECK(db_test::query_number(direct, "SELECT count(*) FROM writes") == kThreads * kRounds);
  // Nothing was left prepared on the server sessions behind the pooler.
  CHECK(db_test::query_number(pool, "SELECT count(*) FROM pg_prepared_statements") == 0);
}

// The control: the same load with named statements fails there, so the
// pooler really moves transactions between server sessions, and the test
// above proves something. The failures are 503s (kUnavailable), not 500s.
TEST_CASE("DB_POOLER=none behind the same pooler loses its named statements, as 503s") {
  const std::string url = database_with_writes_table("pooler_none");
  ConnectionPool pool(db_test::settings_for(test_support::through_pgbouncer(url), kThreads));
  const LoadResult result = run_load(pool);
  CHECK(result.failed > 0);
  CHECK(result.internal == 0);
}
