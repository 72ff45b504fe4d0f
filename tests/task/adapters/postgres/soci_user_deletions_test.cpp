// SociUserDeletions on a real PostgreSQL: recording is idempotent and never
// reopens a done request, pending lists oldest first, a batch deletes at
// most its limit and only the user's tasks, and the deleted tasks leave the
// user's count for the task limit (migration 0004).
#include "task/adapters/postgres/soci_user_deletions.hpp"

#include <catch2/catch.hpp>
#include <soci/soci.h>

#include "shared/db/migration_runner.hpp"
#include "task/adapters/postgres/migrations.hpp"
#include "task/adapters/postgres/soci_task_repository.hpp"

#include "contract/task_repository_contract.hpp"
#include "support/test_database.hpp"

namespace {

using task::domain::UserId;

struct MigratedDatabase {
  MigratedDatabase()
      : pool({.url = test_support::create_test_database("task_deletions"), .size = 1}) {
    REQUIRE(shared::db::apply_migrations(pool, task::adapters::postgres::migrations()).ok());
  }
  void add_tasks(const UserId& user, int count) {
    REQUIRE(pool.with_session([&](soci::session& s) -> shared::Result<bool> {
      s << "INSERT INTO tasks (user_id, title) SELECT CAST(:u AS uuid), 't' || n "
           "FROM generate_series(1, :count) AS n",
          soci::use(user.str()), soci::use(count);
      return true;
    }));
  }
  long long tasks_of(const UserId& user) {
    long long n = -1;
    REQUIRE(pool.with_session([&](soci::session& s) -> shared::Result<bool> {
      s << "SELECT count(*) FROM tasks WHERE user_id = CAST(:u AS uuid)", soci::use(user.str()),
          soci::into(n);
      return true;
    }));
    return n;
  }
  shared::db::ConnectionPool pool;
};

const auto kAlice = *UserId::parse("0b5e7a52-3f0c-4a8e-9b1d-2c6f4e8a1d3b");
const auto kBob = *UserId::parse("7d2c9e14-85a1-4f3b-a6c0-1e9b5d7f3a24");

}  // namespace

TEST_CASE("soci user deletions: record, pending, batches, done", "[integration][deletions]") {
  MigratedDatabase db;
  task::adapters::postgres::SociUserDeletions deletions(db.pool);
  db.add_tasks(kAlice, 7);
  db.add_tasks(kBob, 2);

  REQUIRE(deletions.record(kAlice));
  REQUIRE(deletions.record(kBob));
  REQUIRE(deletions.record(kAlice));  // again: no change, no error
  auto pending = deletions.pending();
  REQUIRE(pending);
  CHECK(*pending == std::vector<UserId>{kAlice, kBob});

  CHECK(*deletions.delete_batch(kAlice, 5) == 5);
  CHECK(db.tasks_of(kAlice) == 2);
  CHECK(db.tasks_of(kBob) == 2);
  CHECK(*deletions.delete_batch(kAlice, 5) == 2);
  CHECK(*deletions.delete_batch(kAlice, 5) == 0);

  REQUIRE(deletions.mark_done(kAlice));
  CHECK(*deletions.pending() == std::vector<UserId>{kBob});
  REQUIRE(deletions.record(kAlice));  // a snapshot repeating it does not reopen it
  CHECK(*deletions.pending() == std::vector<UserId>{kBob});
}

TEST_CASE("soci user deletions: the deleted tasks free the user's slots", "[integration][limit]") {
  MigratedDatabase db;
  task::adapters::postgres::SociUserDeletions deletions(db.pool);
  task::adapters::postgres::SociTaskRepository tasks(db.pool);
  constexpr std::size_t kLimit = 7;
  db.add_tasks(kAlice, 5);
  for (int i = 0; i < 2; ++i)
    REQUIRE(tasks.create(kAlice, task_contract::titled("t"), kLimit)->has_value());
  REQUIRE_FALSE(tasks.create(kAlice, task_contract::titled("t"), kLimit)->has_value());

  REQUIRE(deletions.record(kAlice));
  CHECK(*deletions.delete_batch(kAlice, 4) == 4);
  CHECK(*deletions.delete_batch(kAlice, 4) == 3);
  REQUIRE(deletions.mark_done(kAlice));
  for (std::size_t i = 0; i < kLimit; ++i) {
    REQUIRE(tasks.create(kAlice, task_contract::titled("t"), kLimit)->has_value());
  }
  CHECK_FALSE(tasks.create(kAlice, task_contract::titled("t"), kLimit)->has_value());
  CHECK(db.tasks_of(kAlice) == static_cast<long long>(kLimit));
}
