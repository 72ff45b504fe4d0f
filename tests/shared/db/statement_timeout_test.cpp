// DB_STATEMENT_TIMEOUT (PoolSettings::statement_timeout) on a real server:
// every connection starts with it; a statement it cancels (SQLSTATE 57014)
// is kUnavailable, a 503, and its connection stays in the pool, still the
// same server session, for the next caller. Behind PgBouncer in transaction
// mode (TEST_PGBOUNCER_URL) nothing is sent; the first connection compares
// the role's setting and warns with the fix when it differs.
#include <string>

#include <catch2/catch.hpp>
#include <soci/soci.h>
#include <unistd.h>

#include "shared/db/internal/connect_string.hpp"
#include "shared/log/captured_log.hpp"

#include "pool_test_helpers.hpp"

using shared::Result;
using shared::db::ConnectionPool;
using shared::db::Lease;
using shared::db::Pooler;
using namespace std::chrono_literals;

namespace {

shared::db::PoolSettings settings_with_timeout(std::string url, std::chrono::milliseconds timeout) {
  auto settings = db_test::settings_for(std::move(url), 1);
  settings.statement_timeout = timeout;
  return settings;
}

std::string server_timeout(ConnectionPool& pool) {
  auto shown = pool.with_session([](soci::session& s) -> Result<std::string> {
    std::string value;
    s << "SHOW statement_timeout", soci::into(value);
    return value;
  });
  REQUIRE(shown.ok());
  return shown.value();
}

int pid_of_next_lease(ConnectionPool& pool) {
  auto pid =
      pool.with_session([](soci::session& s) -> Result<int> { return db_test::backend_pid(s); });
  REQUIRE(pid.ok());
  return pid.value();
}

// A statement kept on the connection, as repositories keep theirs.
struct Sleep {
  explicit Sleep(Lease& lease) : statement(lease.session()) {
    lease.prepare(statement, "SELECT CAST(pg_sleep(CAST(:s AS float8)) AS text) IS NULL",
                  soci::use(seconds), soci::into(done));
  }
  double seconds = 0;
  int done = 0;
  soci::statement statement;
};

Result<bool> sleep_cached(Lease& lease, double seconds) {
  auto& sleep = lease.cached<Sleep>("test.sleep", [](Lease& l) { return Sleep(l); });
  sleep.seconds = seconds;
  sleep.statement.execute(true);
  return true;
}

// The test database's URL, as `role` and through the test PgBouncer.
std::string through_pgbouncer_as(const std::string& url, const std::string& role) {
  auto info = shared::db::internal::parse_conninfo(test_support::through_pgbouncer(url));
  REQUIRE(info.ok());
  shared::db::internal::set_option(info.value(), "user", role);
  return shared::db::internal::render_conninfo_uri(info.value());
}

}  // namespace

TEST_CASE("statement timeout: set on every connection, in force from its first statement") {
  const std::string url = test_support::create_test_database("stmt_timeout");
  const test::CapturedLog log(shared::log::Format::kText);
  ConnectionPool pool(settings_with_timeout(url, 1234ms));
  CHECK(server_timeout(pool) == "1234ms");
  // The first connection checked it, and found it in force.
  CHECK(log.text().find("statement_timeout") == std::string::npos);
  ConnectionPool none(settings_with_timeout(url, 0ms));
  CHECK(server_timeout(none) == "0");
  ConnectionPool untouched(db_test::settings_for(url, 1));  // nullopt: the server's own
  CHECK(server_timeout(untouched) == "0");
}

TEST_CASE("statement timeout: a cancelled statement is kUnavailable and its connection is reused") {
  ConnectionPool pool(
      settings_with_timeout(test_support::create_test_database("stmt_cancel"), 200ms));
  const int pid = pid_of_next_lease(pool);

  const auto started = std::chrono::steady_clock::now();
  auto slow = pool.with_session([](soci::session& s) -> Result<bool> {
    s << "SELECT pg_sleep(5)";
    return true;
  });
  REQUIRE_FALSE(slow.ok());
  CHECK(slow.error().code == shared::ErrorCode::kUnavailable);  // 503
  CHECK(std::chrono::steady_clock::now() - started < 3s);
  // The next caller gets the same server session (pool of one), and it works.
  CHECK(pid_of_next_lease(pool) == pid);

  // A statement prepared on the connection, cancelled, then run again.
  auto cached_slow = pool.with_session([](Lease& lease) { return sleep_cached(lease, 5); });
  REQUIRE_FALSE(cached_slow.ok());
  CHECK(cached_slow.error().code == shared::ErrorCode::kUnavailable);
  auto cached_fast = pool.with_session([](Lease& lease) { return sleep_cached(lease, 0); });
  CHECK(cached_fast.ok());

  // Cancelled inside a transaction: rolled back when the lease ends, kept.
  auto in_transaction = pool.with_session([](soci::session& s) -> Result<bool> {
    soci::transaction transaction(s);
    s << "CREATE TABLE never_committed (n integer)";
    s << "SELECT pg_sleep(5)";
    transaction.commit();
    return true;
  });
  CHECK_FALSE(in_transaction.ok());
  CHECK(pid_of_next_lease(pool) == pid);
  CHECK(db_test::query_number(pool,
                              "SELECT count(*) FROM pg_tables WHERE tablename = "
                              "'never_committed'") == 0);
  CHECK(pool.stats().idle == 1);
}

TEST_CASE("statement timeout behind a transaction-mode pooler: not sent, the role's checked") {
  const std::string url = test_support::create_test_database("stmt_pooler");
  const std::string role = "timeout_role_" + std::to_string(::getpid());
  ConnectionPool direct(db_test::settings_for(url, 1));
  REQUIRE(direct.with_session([&](soci::session& s) -> Result<bool> {
    s << "DROP ROLE IF EXISTS " + role;
    s << "CREATE ROLE " + role + " LOGIN";
    s << "ALTER ROLE " + role + " SET statement_timeout = 1234";
    return true;
  }));
  const std::string pooled_url = through_pgbouncer_as(url, role);

  SECTION("the role's setting is the configured one: no warning") {
    const test::CapturedLog log(shared::log::Format::kText);
    auto settings = settings_with_timeout(pooled_url, 1234ms);
    settings.pooler = Pooler::transaction;
    ConnectionPool pool(settings);
    CHECK(server_timeout(pool) == "1234ms");  // PgBouncer took the connection: no options sent
    CHECK(log.text().find("statement_timeout") == std::string::npos);
  }
  SECTION("it differs: one warning, at the first connection, with the ALTER ROLE to run") {
    const test::CapturedLog log(shared::log::Format::kText);
    auto settings = settings_with_timeout(pooled_url, 5000ms);
    settings.pooler = Pooler::transaction;
    settings.size = 2;
    ConnectionPool pool(settings);
    CHECK(server_timeout(pool) == "1234ms");  // not SET: it would stay on a shared server session
    {
      auto first = db_test::lease_from(pool);
      auto second = db_test::lease_from(pool);  // a second connection: no second warning
    }
    const std::string text = log.text();
    INFO(text);
    CHECK(text.find("ALTER ROLE " + role + " SET statement_timeout = 5000") != std::string::npos);
    CHECK(text.find("server_ms=1234") != std::string::npos);
    CHECK(text.find("configured_ms=5000") != std::string::npos);
    std::size_t warnings = 0;
    for (const auto& line : log.lines()) warnings += line.find("ALTER ROLE") != std::string::npos;
    CHECK(warnings == 1);
  }
}
