#include "support/test_database.hpp"

#include <atomic>
#include <cctype>
#include <cstdlib>
#include <stdexcept>

#include <unistd.h>

#include "shared/db/connection_pool.hpp"
#include "shared/db/internal/connect_string.hpp"
#include "shared/db/internal/libpq_session.hpp"

namespace test_support {
namespace {

std::string required_env(const char* name) {
  const char* value = std::getenv(name);
  if (value == nullptr || *value == '\0') {
    throw std::runtime_error(std::string(name) +
                             " is not set: run the integration tests through tests/run.sh, "
                             "which starts a throwaway PostgreSQL and exports it");
  }
  return value;
}

// Lower-case letters, digits and '_' only, so the name needs no quoting and
// CREATE DATABASE (which takes no bind parameters) is safe to build.
std::string database_name(std::string_view hint) {
  static std::atomic<int> counter{0};
  std::string name = "t_";
  for (char c : hint.substr(0, 30)) {
    const auto u = static_cast<unsigned char>(c);
    name += std::isalnum(u) ? static_cast<char>(std::tolower(u)) : '_';
  }
  return name + "_" + std::to_string(::getpid()) + "_" + std::to_string(++counter);
}

}  // namespace

std::string test_pg_url() {
  return required_env("TEST_PG_URL");
}

std::string test_pg_restart_command() {
  return required_env("TEST_PG_RESTART");
}

std::string create_test_database(std::string_view hint) {
  const std::string server_url = test_pg_url();
  const std::string name = database_name(hint);

  shared::db::ConnectionPool admin({.url = server_url, .size = 1});
  auto created = admin.with_session([&](soci::session& session) -> shared::Result<bool> {
    // CREATE DATABASE cannot run in a transaction block; the simple-query
    // path runs it in autocommit.
    // A name left by an earlier process with the same pid (pids wrap at
    // 32768 on these machines) is that process's leftover, never a live one.
    shared::db::internal::execute_script(session, "DROP DATABASE IF EXISTS " + name);
    shared::db::internal::execute_script(session, "CREATE DATABASE " + name);
    return true;
  });
  if (!created) {
    throw std::runtime_error("cannot create test database " + name +
                             " on TEST_PG_URL: " + created.error().message);
  }

  auto info = shared::db::internal::parse_conninfo(server_url);
  if (!info) throw std::runtime_error("TEST_PG_URL is not a valid libpq URL");
  shared::db::internal::set_option(info.value(), "dbname", name);
  return shared::db::internal::render_conninfo_uri(info.value());
}

std::string through_pgbouncer(const std::string& database_url) {
  auto pooler = shared::db::internal::parse_conninfo(required_env("TEST_PGBOUNCER_URL"));
  auto database = shared::db::internal::parse_conninfo(database_url);
  if (!pooler || !database) throw std::runtime_error("TEST_PGBOUNCER_URL is not a valid libpq URL");
  for (const auto& [key, value] : pooler.value()) {
    if (key == "host" || key == "hostaddr" || key == "port" || key == "user") {
      shared::db::internal::set_option(database.value(), key, value);
    }
  }
  return shared::db::internal::render_conninfo_uri(database.value());
}

}  // namespace test_support
