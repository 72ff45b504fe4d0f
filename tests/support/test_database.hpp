#pragma once
// Throwaway PostgreSQL databases for integration tests.
//
// tests/run.sh starts a private PostgreSQL server and exports TEST_PG_URL (a
// superuser URL to its `postgres` database) and TEST_PG_RESTART (a shell
// command that restarts that server). Without them these functions throw:
// an integration test must fail, never skip, when its database is missing.

#include <string>
#include <string_view>

namespace test_support {

// Creates a new, empty database named after `hint` (plus pid and a counter,
// so parallel tests never share one) and returns a libpq URI for it.
std::string create_test_database(std::string_view hint);

// TEST_PG_RESTART: run it with std::system() to restart the server.
std::string test_pg_restart_command();

// TEST_PG_URL itself, for tests that need the server rather than a database.
std::string test_pg_url();

// The same database reached through the PgBouncer in transaction mode that
// tests/run.sh starts in front of the server (TEST_PGBOUNCER_URL: its host
// and port replace the URL's, with its user); throws when it is not set.
std::string through_pgbouncer(const std::string& database_url);

}  // namespace test_support
