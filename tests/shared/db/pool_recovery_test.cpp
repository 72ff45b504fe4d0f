// Integration tests: the pool heals itself when connections die underneath
// it, including a full PostgreSQL restart, without being recreated.
// Runs serially (see CMakeLists.txt): it restarts the shared test server.
#include <algorithm>
#include <cstdlib>
#include <vector>

#include <catch2/catch.hpp>

#include "pool_test_helpers.hpp"

using shared::ErrorCode;
using shared::Result;
using shared::db::ConnectionPool;
using shared::db::Retry;

namespace {

Result<int> select_one(soci::session& session) {
  int one = 0;
  session << "SELECT 1", soci::into(one);
  return one;
}

// Opens every connection of the pool at once, so all of them go stale.
std::vector<int> warm_up(ConnectionPool& pool) {
  std::vector<shared::db::Lease> leases;
  std::vector<int> pids;
  for (std::size_t i = 0; i < pool.stats().size; ++i) {
    leases.push_back(db_test::lease_from(pool));
    pids.push_back(db_test::backend_pid(leases.back().session()));
  }
  return pids;
}

// Ends a backend through another pool, waiting until it has exited.
void terminate_backend(ConnectionPool& admin, int pid) {
  // SOCI 4.0.3 cannot read into bool: ask for an integer.
  auto killed = admin.with_session([pid](soci::session& s) -> Result<int> {
    int done = 0;
    s << "SELECT pg_terminate_backend(:pid, 5000)::int", soci::use(pid), soci::into(done);
    return done;
  });
  REQUIRE(killed.ok());
  REQUIRE(killed.value() == 1);
}

void create_items_table(ConnectionPool& pool) {
  REQUIRE(pool.with_session([](soci::session& s) -> Result<bool> {
    s << "CREATE TABLE items (id integer PRIMARY KEY)";
    return true;
  }));
}

}  // namespace

TEST_CASE("the pool recovers after PostgreSQL restarts") {
  ConnectionPool pool(db_test::settings_for(test_support::create_test_database("recover"), 3));
  warm_up(pool);

  REQUIRE(std::system(test_support::test_pg_restart_command().c_str()) == 0);

  // The restart closed every connection; the pool sees that before sending
  // anything, so even a call that is never repeated succeeds.
  auto first = pool.with_session(Retry::never, select_one);
  REQUIRE(first.ok());
  CHECK(first.value() == 1);

  // Every other idle connection was stale too; none may reach a caller.
  std::vector<shared::db::Lease> leases;
  for (int i = 0; i < 3; ++i) {
    leases.push_back(db_test::lease_from(pool));
    CHECK(select_one(leases.back().session()).ok());
  }
  leases.clear();
  CHECK(pool.ping());
  CHECK(pool.stats().in_use == 0);
}

TEST_CASE("a connection killed by the server is replaced on the next call") {
  const std::string url = test_support::create_test_database("recover_kill");
  ConnectionPool pool(db_test::settings_for(url, 2));
  ConnectionPool admin(db_test::settings_for(url, 1));
  const std::vector<int> pids = warm_up(pool);

  for (int pid : pids) terminate_backend(admin, pid);
  for (int i = 0; i < 4; ++i) {
    auto r = pool.with_session(select_one);
    CHECK(r.ok());
  }
  auto lease = db_test::lease_from(pool);
  const int new_pid = db_test::backend_pid(lease.session());
  CHECK(std::find(pids.begin(), pids.end(), new_pid) == pids.end());
}

TEST_CASE("a transaction cut off by a lost connection is retried once in full") {
  const std::string url = test_support::create_test_database("recover_tx");
  ConnectionPool pool(db_test::settings_for(url, 1));
  ConnectionPool admin(db_test::settings_for(url, 1));
  create_items_table(pool);

  int attempts = 0;
  auto r = pool.with_session([&](soci::session& s) -> Result<int> {
    ++attempts;
    soci::transaction tx(s);
    s << "INSERT INTO items (id) VALUES (1)";
    // The server ends this session mid-transaction, the first time.
    if (attempts == 1) terminate_backend(admin, db_test::backend_pid(s));
    s << "INSERT INTO items (id) VALUES (2)";
    tx.commit();
    return attempts;
  });
  REQUIRE(r.ok());
  CHECK(r.value() == 2);
  CHECK(db_test::query_number(pool, "SELECT count(*) FROM items") == 2);
}

TEST_CASE("an idle connection the server closed is replaced before a call that never repeats") {
  const std::string url = test_support::create_test_database("recover_idle");
  ConnectionPool pool(db_test::settings_for(url, 1));
  ConnectionPool admin(db_test::settings_for(url, 1));
  const int old_pid = warm_up(pool).front();
  terminate_backend(admin, old_pid);

  // Sending on the dead connection would fail, and Retry::never would not
  // try again: success means the pool saw the hang-up first.
  auto pid = pool.with_session(
      Retry::never, [](soci::session& s) -> Result<int> { return db_test::backend_pid(s); });
  REQUIRE(pid.ok());
  CHECK(pid.value() != old_pid);
}

TEST_CASE("Retry::never: a statement cut off by a lost connection runs once, then 503") {
  const std::string url = test_support::create_test_database("recover_never");
  ConnectionPool pool(db_test::settings_for(url, 1));
  ConnectionPool admin(db_test::settings_for(url, 1));
  create_items_table(pool);

  int attempts = 0;
  auto r = pool.with_session(Retry::never, [&](soci::session& s) -> Result<int> {
    ++attempts;
    soci::transaction tx(s);
    s << "INSERT INTO items (id) VALUES (1)";
    terminate_backend(admin, db_test::backend_pid(s));
    s << "INSERT INTO items (id) VALUES (2)";
    tx.commit();
    return attempts;
  });
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == ErrorCode::kUnavailable);
  CHECK(attempts == 1);
  // The pool is whole again, and the cut-off transaction left nothing.
  CHECK(db_test::query_number(pool, "SELECT count(*) FROM items") == 0);
}
