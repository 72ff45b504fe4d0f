// Integration tests: ConnectionPool against the PostgreSQL from tests/run.sh.
#include <atomic>
#include <map>
#include <thread>

#include <catch2/catch.hpp>

#include "shared/db/internal/connect_string.hpp"
#include "shared/db/internal/libpq_session.hpp"

#include "pool_test_helpers.hpp"

using shared::ErrorCode;
using shared::Result;
using shared::db::ConnectionPool;
using namespace std::chrono_literals;

TEST_CASE("a leased session runs queries and goes back to the pool") {
  ConnectionPool pool(db_test::settings_for(test_support::create_test_database("pool_basic"), 2));
  int pid = 0;
  {
    auto lease = db_test::lease_from(pool);
    int one = 0;
    lease.session() << "SELECT 1", soci::into(one);
    CHECK(one == 1);
    pid = db_test::backend_pid(lease.session());
  }
  // LIFO: the connection just released is the one handed out next.
  auto again = db_test::lease_from(pool);
  CHECK(db_test::backend_pid(again.session()) == pid);
}

TEST_CASE("stats count leased and idle connections") {
  ConnectionPool pool(db_test::settings_for(test_support::create_test_database("pool_stats"), 4));
  CHECK(pool.stats().size == 4);
  CHECK(pool.stats().in_use == 0);
  CHECK(pool.stats().idle == 4);
  {
    auto a = db_test::lease_from(pool);
    auto b = db_test::lease_from(pool);
    auto c = db_test::lease_from(pool);
    CHECK(pool.stats().in_use == 3);
    CHECK(pool.stats().idle == 1);
    auto moved = std::move(b);  // moving a lease does not release it
    CHECK(pool.stats().in_use == 3);
  }
  CHECK(pool.stats().in_use == 0);
  CHECK(pool.stats().idle == 4);
}

TEST_CASE("an exhausted pool times out with kUnavailable") {
  auto settings = db_test::settings_for(test_support::create_test_database("pool_exhausted"), 1);
  settings.acquire_timeout = 300ms;
  ConnectionPool pool(settings);
  auto held = db_test::lease_from(pool);

  const auto start = std::chrono::steady_clock::now();
  auto second = pool.acquire();
  const auto waited = std::chrono::steady_clock::now() - start;
  REQUIRE_FALSE(second.ok());
  CHECK(second.error().code == ErrorCode::kUnavailable);
  CHECK(waited >= 290ms);
  CHECK(waited < 2s);

  auto via_run = pool.with_session([](soci::session&) -> Result<int> { return 1; });
  REQUIRE_FALSE(via_run.ok());
  CHECK(via_run.error().code == ErrorCode::kUnavailable);
}

TEST_CASE("a waiting acquire gets a connection as soon as one is released") {
  ConnectionPool pool(db_test::settings_for(test_support::create_test_database("pool_wait"), 1));
  auto held = db_test::lease_from(pool);
  std::thread releaser([lease = std::move(held)]() mutable {
    std::this_thread::sleep_for(100ms);
    auto released = std::move(lease);
  });
  auto next = pool.acquire();
  releaser.join();
  CHECK(next.ok());
}

TEST_CASE("URI and keyword/value URLs both work") {
  auto info =
      shared::db::internal::parse_conninfo(test_support::create_test_database("pool_forms"));
  REQUIRE(info.ok());
  std::map<std::string, std::string> option(info->begin(), info->end());
  const std::string uri = "postgresql://" + option["user"] + "@" + option["host"] + ":" +
                          option["port"] + "/" + option["dbname"];
  const std::string keywords = "host=" + option["host"] + " port=" + option["port"] +
                               " user=" + option["user"] + " dbname='" + option["dbname"] +
                               "' application_name='todo tests'";
  for (const std::string& url : {uri, keywords}) {
    CAPTURE(url);
    ConnectionPool pool(db_test::settings_for(url, 1));
    auto lease = db_test::lease_from(pool);
    std::string database;
    lease.session() << "SELECT current_database()", soci::into(database);
    CHECK(database == option["dbname"]);
  }
  ConnectionPool pool(db_test::settings_for(keywords, 1));
  auto lease = db_test::lease_from(pool);
  std::string application;
  lease.session() << "SELECT current_setting('application_name')", soci::into(application);
  CHECK(application == "todo tests");
}

TEST_CASE("a bad URL or an unreachable server gives kUnavailable and never the password") {
  const char* urls[] = {
      "nonsense===",
      "postgresql://postgres:hunter2@127.0.0.1:1/postgres",  // nothing listens on port 1
  };
  for (const char* url : urls) {
    CAPTURE(url);
    auto settings = db_test::settings_for(url, 1);
    settings.connect_timeout = 2s;
    ConnectionPool pool(settings);  // must not throw, nor connect
    const auto start = std::chrono::steady_clock::now();
    auto lease = pool.acquire();
    REQUIRE_FALSE(lease.ok());
    CHECK(lease.error().code == ErrorCode::kUnavailable);
    CHECK(lease.error().message.find("hunter2") == std::string::npos);
    CHECK(std::chrono::steady_clock::now() - start < 3s);
    CHECK_FALSE(pool.ping());
    CHECK(pool.stats().in_use == 0);
  }
}

TEST_CASE("a database that does not exist gives kUnavailable") {
  auto info = shared::db::internal::parse_conninfo(test_support::test_pg_url());
  REQUIRE(info.ok());
  shared::db::internal::set_option(info.value(), "dbname", "no_such_database");
  ConnectionPool pool(db_test::settings_for(shared::db::internal::render_conninfo_uri(*info), 1));
  auto lease = pool.acquire();
  REQUIRE_FALSE(lease.ok());
  CHECK(lease.error().code == ErrorCode::kUnavailable);
}

TEST_CASE("with_session passes results through and turns exceptions into errors") {
  ConnectionPool pool(db_test::settings_for(test_support::create_test_database("pool_run"), 1));

  SECTION("a value") {
    auto r = pool.with_session([](soci::session& s) -> Result<int> {
      int two = 0;
      s << "SELECT 1 + 1", soci::into(two);
      return two;
    });
    REQUIRE(r.ok());
    CHECK(r.value() == 2);
  }
  SECTION("f's own error, unchanged") {
    auto r = pool.with_session(
        [](soci::session&) -> Result<int> { return shared::Error::not_found("no such task"); });
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == ErrorCode::kNotFound);
    CHECK(r.error().message == "no such task");
  }
  SECTION(
      "an SQL error is kUnavailable (503, not the client's fault) and says nothing about the SQL") {
    auto r = pool.with_session([](soci::session& s) -> Result<void> {
      s << "SELECT * FROM secret_table_name";
      return {};
    });
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == ErrorCode::kUnavailable);
    CHECK(r.error().message.find("secret_table_name") == std::string::npos);
  }
  SECTION("any other exception is kInternal") {
    auto r =
        pool.with_session([](soci::session&) -> Result<int> { throw std::runtime_error("boom"); });
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == ErrorCode::kInternal);
  }
  SECTION("f may take the Lease") {
    auto r = pool.with_session([](shared::db::Lease& lease) -> Result<int> {
      return db_test::backend_pid(lease.session());
    });
    CHECK(r.ok());
  }
  // Whatever happened, the connection went back and still works.
  CHECK(pool.stats().in_use == 0);
  CHECK(pool.ping());
}

TEST_CASE("a transaction left open by one lease is rolled back and not inherited") {
  ConnectionPool pool(db_test::settings_for(test_support::create_test_database("pool_tx"), 1));
  {
    auto lease = db_test::lease_from(pool);
    lease.session() << "CREATE TABLE items (id integer)";
    lease.session().begin();
    lease.session() << "INSERT INTO items VALUES (1)";
  }  // no commit, no rollback
  auto lease = db_test::lease_from(pool);
  long long rows = -1;
  lease.session() << "SELECT count(*) FROM items", soci::into(rows);
  CHECK(rows == 0);
  // Not inside the old transaction any more: a new one commits normally.
  soci::transaction tx(lease.session());
  lease.session() << "INSERT INTO items VALUES (2)";
  tx.commit();
  lease.session() << "SELECT count(*) FROM items", soci::into(rows);
  CHECK(rows == 1);
}

TEST_CASE("many threads share a small pool without losing connections") {
  ConnectionPool pool(db_test::settings_for(test_support::create_test_database("pool_threads"), 3));
  std::atomic<int> succeeded{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&pool, &succeeded, t] {
      for (int i = 0; i < 40; ++i) {
        auto r = pool.with_session([&](soci::session& s) -> Result<int> {
          int sum = 0;
          s << "SELECT CAST(:a AS integer) + CAST(:b AS integer)", soci::use(t), soci::use(i),
              soci::into(sum);
          return sum;
        });
        if (r.ok() && r.value() == t + i) ++succeeded;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  CHECK(succeeded == 8 * 40);
  CHECK(pool.stats().in_use == 0);
  CHECK(pool.stats().idle == 3);
}

// Behind a pooler whose server is down, a query waits in the pooler's queue
// for minutes; a statement that outlasts the check stands in for it here.
TEST_CASE("a connection check gives up when the answer is late, and that connection is dropped") {
  ConnectionPool pool(db_test::settings_for(test_support::create_test_database("pool_late"), 1));
  int late_pid = 0;
  {
    auto lease = db_test::lease_from(pool);
    CHECK(shared::db::internal::answers_within(lease.session(), "SELECT 1", 10s));
    late_pid = db_test::backend_pid(lease.session());
    const auto started = std::chrono::steady_clock::now();
    CHECK_FALSE(
        shared::db::internal::answers_within(lease.session(), "SELECT pg_sleep(20)", 200ms));
    // Not waited for: far less than the statement's 20 s.
    CHECK(std::chrono::steady_clock::now() - started < 10s);
  }
  auto lease = db_test::lease_from(pool);
  CHECK(db_test::backend_pid(lease.session()) != late_pid);
}
