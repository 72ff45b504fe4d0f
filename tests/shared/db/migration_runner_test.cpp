// Integration tests: apply_migrations on fresh databases.
#include "shared/db/migration_runner.hpp"

#include <catch2/catch.hpp>

#include "pool_test_helpers.hpp"

using shared::ErrorCode;
using shared::db::ConnectionPool;
using shared::db::Migration;
using Versions = std::vector<std::string>;

namespace {

std::vector<std::string> strings(ConnectionPool& pool, const std::string& sql) {
  auto result = pool.with_session([&](soci::session& s) -> shared::Result<Versions> {
    Versions values;
    soci::rowset<std::string> rows = (s.prepare << sql);
    for (const auto& value : rows) values.push_back(value);
    return values;
  });
  REQUIRE(result.ok());
  return result.value();
}

bool table_exists(ConnectionPool& pool, const std::string& name) {
  auto result = pool.with_session([&](soci::session& s) -> shared::Result<bool> {
    long long count = 0;
    s << "SELECT count(*) FROM pg_tables WHERE tablename = :name", soci::use(name),
        soci::into(count);
    return count == 1;
  });
  REQUIRE(result.ok());
  return result.value();
}

// Deliberately out of order: the runner sorts by version.
const std::vector<Migration> kTwoMigrations = {
    {"0002_add_b", "INSERT INTO events (name) VALUES ('b')"},
    {"0001_create_events",
     "CREATE TABLE events (id serial PRIMARY KEY, name text NOT NULL);"
     "INSERT INTO events (name) VALUES ('a');"},
};

}  // namespace

TEST_CASE("migrations apply in ascending version order and are recorded") {
  ConnectionPool pool(db_test::settings_for(test_support::create_test_database("mig_order")));
  auto report = shared::db::apply_migrations(pool, kTwoMigrations);
  REQUIRE(report.ok());
  CHECK(report->applied == Versions{"0001_create_events", "0002_add_b"});
  CHECK(report->already_present.empty());
  CHECK(strings(pool, "SELECT name FROM events ORDER BY id") == Versions{"a", "b"});
  CHECK(strings(pool, "SELECT version FROM schema_migrations ORDER BY version") ==
        Versions{"0001_create_events", "0002_add_b"});
  CHECK(db_test::query_number(
            pool,
            "SELECT count(*) FROM schema_migrations WHERE applied_at > now() - interval "
            "'1 hour'") == 2);
}

TEST_CASE("applying the same migrations twice is a no-op and new ones apply alone") {
  ConnectionPool pool(db_test::settings_for(test_support::create_test_database("mig_twice")));
  REQUIRE(shared::db::apply_migrations(pool, kTwoMigrations).ok());

  auto again = shared::db::apply_migrations(pool, kTwoMigrations);
  REQUIRE(again.ok());
  CHECK(again->applied.empty());
  CHECK(again->already_present == Versions{"0001_create_events", "0002_add_b"});
  CHECK(db_test::query_number(pool, "SELECT count(*) FROM events") == 2);

  auto more = kTwoMigrations;
  more.push_back({"0003_add_c", "INSERT INTO events (name) VALUES ('c')"});
  auto third = shared::db::apply_migrations(pool, more);
  REQUIRE(third.ok());
  CHECK(third->applied == Versions{"0003_add_c"});
  CHECK(db_test::query_number(pool, "SELECT count(*) FROM events") == 3);
}

TEST_CASE("a failing migration rolls back the whole run and names its version") {
  ConnectionPool pool(db_test::settings_for(test_support::create_test_database("mig_fail")));
  const std::vector<Migration> migrations = {
      {"0001_create_events", "CREATE TABLE events (id integer)"},
      {"0002_broken", "INSERT INTO events VALUES (1); INSERT INTO no_such_table VALUES (1)"},
      {"0003_never", "CREATE TABLE never (id integer)"},
  };
  auto report = shared::db::apply_migrations(pool, migrations);
  REQUIRE_FALSE(report.ok());
  CHECK(report.error().code == ErrorCode::kInternal);
  CHECK(report.error().message.find("0002_broken") != std::string::npos);
  CHECK(report.error().message.find("no_such_table") == std::string::npos);  // no SQL
  CHECK_FALSE(table_exists(pool, "events"));             // earlier migration undone
  CHECK_FALSE(table_exists(pool, "schema_migrations"));  // nothing recorded at all
  CHECK_FALSE(table_exists(pool, "never"));
}

TEST_CASE(
    "migration SQL runs exactly as written with several statements and dollar-quoted colons") {
  ConnectionPool pool(db_test::settings_for(test_support::create_test_database("mig_script")));
  const std::vector<Migration> migrations = {
      {"0001_function",
       "-- a comment with :colon\n"
       "CREATE TABLE notes (body text NOT NULL DEFAULT 'at 10:30');\n"
       "CREATE FUNCTION label(n integer) RETURNS text LANGUAGE plpgsql AS $$\n"
       "DECLARE result text;\n"
       "BEGIN\n"
       "  result := 'n:' || n::text;  /* :name stays :name */\n"
       "  RETURN result || ' :tail';\n"
       "END $$;\n"
       "INSERT INTO notes DEFAULT VALUES;"},
  };
  REQUIRE(shared::db::apply_migrations(pool, migrations).ok());
  CHECK(strings(pool, "SELECT label(7)") == Versions{"n:7 :tail"});
  CHECK(strings(pool, "SELECT body FROM notes") == Versions{"at 10:30"});
}

TEST_CASE("two migrations with one version are rejected before touching the database") {
  ConnectionPool pool(db_test::settings_for("postgresql://127.0.0.1:1/unreachable"));
  auto report =
      shared::db::apply_migrations(pool, {{"0001_a", "SELECT 1"}, {"0001_a", "SELECT 2"}});
  REQUIRE_FALSE(report.ok());
  CHECK(report.error().code == ErrorCode::kInvalidArgument);
}

TEST_CASE("an unreachable database is kUnavailable") {
  auto settings = db_test::settings_for("postgresql://127.0.0.1:1/unreachable");
  settings.connect_timeout = std::chrono::seconds(2);
  ConnectionPool pool(settings);
  auto report = shared::db::apply_migrations(pool, kTwoMigrations);
  REQUIRE_FALSE(report.ok());
  CHECK(report.error().code == ErrorCode::kUnavailable);
}

// DB_STATEMENT_TIMEOUT bounds requests; a migration (or the wait for another
// replica's) may take longer.
TEST_CASE("a migration may run longer than the statement timeout") {
  auto settings = db_test::settings_for(test_support::create_test_database("mig_slow"));
  settings.statement_timeout = std::chrono::milliseconds(200);
  ConnectionPool pool(settings);
  const std::vector<Migration> migrations = {{"0001_slow", "SELECT pg_sleep(0.6);"}};
  REQUIRE(shared::db::apply_migrations(pool, migrations).ok());
  CHECK(strings(pool, "SELECT version FROM schema_migrations") == Versions{"0001_slow"});
  // The timeout still holds outside migrations.
  auto slow = pool.with_session([](soci::session& session) -> shared::Result<bool> {
    session << "SELECT pg_sleep(0.6)";
    return true;
  });
  CHECK_FALSE(slow.ok());
}
