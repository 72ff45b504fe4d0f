// SociTaskRepository against the TaskRepository contract suite on a real
// PostgreSQL, plus what only the SQL adapter must prove (schema, indexes,
// one round trip, statement reuse).
#include "task/adapters/postgres/soci_task_repository.hpp"

#include <catch2/catch.hpp>
#include <soci/soci.h>

#include "shared/db/migration_runner.hpp"
#include "task/adapters/postgres/migrations.hpp"

#include "contract/task_repository_contract.hpp"
#include "support/test_database.hpp"

namespace {

// One migrated database for the whole run: contract tests isolate themselves
// by owner, so sharing it is safe and saves a CREATE DATABASE per test.
shared::db::ConnectionPool& shared_pool() {
  static shared::db::ConnectionPool pool([] {
    shared::db::PoolSettings settings;
    settings.url = test_support::create_test_database("task_repo");
    settings.size = 2;
    return settings;
  }());
  static const bool migrated = [] {
    const auto report = shared::db::apply_migrations(pool, task::adapters::postgres::migrations());
    REQUIRE(report.ok());
    return true;
  }();
  (void)migrated;
  return pool;
}

template <class T>
T query_value(const std::string& sql) {
  auto result = shared_pool().with_session([&](soci::session& s) -> shared::Result<T> {
    T value{};
    s << sql, soci::into(value);
    return value;
  });
  REQUIRE(result.ok());
  return result.value();
}

}  // namespace

namespace task_contract {
std::unique_ptr<task::domain::TaskRepository> make_repository_under_test() {
  return std::make_unique<task::adapters::postgres::SociTaskRepository>(shared_pool());
}
}  // namespace task_contract

TEST_CASE("the schema has the listing index and the priority check") {
  auto repo = task_contract::make_repository_under_test();
  CHECK(query_value<std::string>(
            "SELECT indexdef FROM pg_indexes WHERE indexname = 'tasks_user_created_idx'") ==
        "CREATE INDEX tasks_user_created_idx ON public.tasks USING btree (user_id, created_at "
        "DESC, id DESC)");
  auto bad = shared_pool().with_session([](soci::session& s) -> shared::Result<bool> {
    s << "INSERT INTO tasks (user_id, title, priority) VALUES (gen_random_uuid(), 't', 'urgent')";
    return true;
  });
  CHECK_FALSE(bad.ok());
}

TEST_CASE("the default listing is served by the per-user index, not a scan of the table") {
  auto repo = task_contract::make_repository_under_test();
  const auto owner = task_contract::random_user();
  REQUIRE(repo->create(owner, task_contract::titled("t"), task_contract::kNoLimit).ok());
  const auto plan =
      shared_pool().with_session([&](soci::session& s) -> shared::Result<std::string> {
        // The table is tiny, so the planner would rightly scan it: forbid the
        // alternatives and ask which index then gives the order without a sort.
        s << "SET enable_seqscan = off";
        s << "SET enable_bitmapscan = off";
        s << "SET enable_sort = off";
        std::string line, all;
        soci::rowset<std::string> rows =
            (s.prepare << "EXPLAIN SELECT id FROM tasks WHERE user_id = '" + owner.str() +
                              "' ORDER BY created_at DESC, id DESC");
        for (const auto& r : rows) all += r + "\n";
        s << "RESET ALL";
        return all;
      });
  REQUIRE(plan.ok());
  CHECK_THAT(plan.value(), Catch::Contains("Scan using tasks_user_created_idx"));
}

TEST_CASE("migration 0002 brings due dates pushed past 9999 back and keeps them in range") {
  shared::db::PoolSettings settings;
  settings.url = test_support::create_test_database("task_due_range");
  settings.size = 1;
  shared::db::ConnectionPool pool(settings);
  const auto& all = task::adapters::postgres::migrations();
  REQUIRE(all.size() >= 2);
  REQUIRE(all[1].version == "0002_due_date_range");
  // The schema as it was, with a row the float8 product wrote for
  // 9999-12-31T23:59:59.999999Z, and rows it must not touch.
  REQUIRE(shared::db::apply_migrations(pool, {all[0]}).ok());
  auto seeded = pool.with_session([](soci::session& s) -> shared::Result<bool> {
    s << "INSERT INTO tasks (user_id, title, due_date) VALUES "
         "(gen_random_uuid(), 'pushed', '10000-01-01T00:00:00Z'), "
         "(gen_random_uuid(), 'last', '9999-12-31T23:59:59.999999Z'), "
         "(gen_random_uuid(), 'first', '0001-01-01T00:00:00Z'), "
         "(gen_random_uuid(), 'none', NULL)";
    return true;
  });
  REQUIRE(seeded.ok());
  REQUIRE(shared::db::apply_migrations(pool, all).ok());

  auto due = pool.with_session([](soci::session& s) -> shared::Result<std::string> {
    std::string out;
    soci::rowset<std::string> rows =
        (s.prepare << "SELECT title || '=' || COALESCE(to_char(due_date AT TIME ZONE 'UTC', "
                      "'YYYY-MM-DD HH24:MI:SS.US'), 'null') FROM tasks ORDER BY id");
    for (const auto& r : rows) out += r + ";";
    return out;
  });
  REQUIRE(due.ok());
  CHECK(due.value() ==
        "pushed=9999-12-31 23:59:59.999999;last=9999-12-31 23:59:59.999999;"
        "first=0001-01-01 00:00:00.000000;none=null;");
  for (const char* outside : {"10000-01-01T00:00:00Z", "0001-12-31 23:59:59.999999+00 BC"}) {
    INFO(outside);
    const std::string text = outside;  // SOCI binds by reference
    auto refused = pool.with_session([&](soci::session& s) -> shared::Result<bool> {
      s << "INSERT INTO tasks (user_id, title, due_date) VALUES (gen_random_uuid(), 't', "
           "CAST(:due AS timestamptz))",
          soci::use(text);
      return true;
    });
    CHECK_FALSE(refused.ok());
  }
}
