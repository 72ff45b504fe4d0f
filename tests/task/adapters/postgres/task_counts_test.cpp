// task_counts (migration 0004), which the limit on create relies on: the
// migration counts the tasks already there, and the triggers keep every
// count equal to the user's tasks whoever writes them (the repository, a
// multi-user INSERT, a DELETE by hand, TRUNCATE).
#include <catch2/catch.hpp>
#include <soci/soci.h>

#include "shared/db/migration_runner.hpp"
#include "shared/db/pool_test_helpers.hpp"
#include "task/adapters/postgres/migrations.hpp"
#include "task/adapters/postgres/soci_task_repository.hpp"

#include "contract/task_repository_contract.hpp"
#include "support/test_database.hpp"

namespace {

void run(shared::db::ConnectionPool& pool, const std::string& sql) {
  REQUIRE(pool.with_session([&](soci::session& s) -> shared::Result<bool> {
    s << sql;
    return true;
  }));
}

// Users whose count is not their number of tasks (a missing row counts 0).
long long wrong_counts(shared::db::ConnectionPool& pool) {
  return db_test::query_number(
      pool,
      "SELECT count(*) FROM (SELECT user_id, count(*) AS n FROM tasks GROUP BY user_id) "
      "AS t FULL JOIN task_counts AS c USING (user_id) "
      "WHERE COALESCE(t.n, 0) <> COALESCE(c.tasks, 0)");
}

long long count_of(shared::db::ConnectionPool& pool, const std::string& user) {
  return db_test::query_number(
      pool, "SELECT COALESCE(max(tasks), -1) FROM task_counts WHERE user_id = '" + user + "'");
}

const std::string kAlice = "0b5e7a52-3f0c-4a8e-9b1d-2c6f4e8a1d3b";
const std::string kBob = "7d2c9e14-85a1-4f3b-a6c0-1e9b5d7f3a24";

}  // namespace

TEST_CASE("migration 0004 counts the tasks already there, and every writer keeps the counts",
          "[integration][limit]") {
  shared::db::ConnectionPool pool(
      {.url = test_support::create_test_database("task_counts"), .size = 2});
  const auto& all = task::adapters::postgres::migrations();
  REQUIRE(all.size() >= 4);
  REQUIRE(all[3].version == "0004_task_counts");
  REQUIRE(shared::db::apply_migrations(pool, {all[0], all[1], all[2]}).ok());
  run(pool, "INSERT INTO tasks (user_id, title) SELECT '" + kAlice +
                "', 't' || n FROM generate_series(1, 5) AS n");
  run(pool, "INSERT INTO tasks (user_id, title) VALUES ('" + kBob + "', 'b')");
  REQUIRE(shared::db::apply_migrations(pool, all).ok());
  CHECK(count_of(pool, kAlice) == 5);
  CHECK(count_of(pool, kBob) == 1);
  CHECK(wrong_counts(pool) == 0);

  // The repository, at a limit the migration's count already reaches.
  task::adapters::postgres::SociTaskRepository repo(pool);
  const auto alice = *task::domain::UserId::parse(kAlice);
  auto refused = repo.create(alice, task_contract::titled("sixth"), 5);
  REQUIRE(refused.ok());
  CHECK_FALSE(refused->has_value());
  auto created = repo.create(alice, task_contract::titled("sixth"), 6);
  REQUIRE(created.ok());
  REQUIRE(created->has_value());
  CHECK(count_of(pool, kAlice) == 6);
  REQUIRE(*repo.remove(alice, (*created)->id));
  CHECK(count_of(pool, kAlice) == 5);

  // Statements that write several users' tasks at once, by hand.
  run(pool, "INSERT INTO tasks (user_id, title) SELECT u, 'x' FROM (VALUES ('" + kAlice +
                "'::uuid), ('" + kBob +
                "'::uuid), (gen_random_uuid())) AS v(u), "
                "generate_series(1, 3)");
  CHECK(count_of(pool, kAlice) == 8);
  CHECK(count_of(pool, kBob) == 4);
  CHECK(wrong_counts(pool) == 0);
  run(pool, "DELETE FROM tasks WHERE title IN ('x', 'b')");
  CHECK(count_of(pool, kAlice) == 5);
  CHECK(count_of(pool, kBob) == 0);
  CHECK(wrong_counts(pool) == 0);
  run(pool, "DELETE FROM tasks WHERE false");  // a statement that deletes nothing
  CHECK(wrong_counts(pool) == 0);

  run(pool, "TRUNCATE tasks");
  CHECK(db_test::query_number(pool, "SELECT count(*) FROM task_counts") == 0);
  CHECK(repo.create(alice, task_contract::titled("again"), 1)->has_value());
  CHECK(count_of(pool, kAlice) == 1);
}
