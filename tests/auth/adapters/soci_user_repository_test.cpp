// SociUserRepository against the UserRepository contract suite on a real
// PostgreSQL, plus what only the SQL adapter must prove.
#include "auth/adapters/postgres/soci_user_repository.hpp"

#include <catch2/catch.hpp>

#include "auth/adapters/postgres/migrations.hpp"
#include "auth/adapters/postgres/soci_attempt_counters.hpp"
#include "auth/adapters/postgres/soci_session_store.hpp"
#include "shared/db/migration_runner.hpp"
#include "shared/time/clock.hpp"

#include "contract/attempt_counters_contract.hpp"
#include "contract/session_store_contract.hpp"
#include "contract/user_repository_contract.hpp"
#include "support/test_database.hpp"

namespace {

// One migrated database for the whole run: contract tests isolate themselves
// by address, so sharing it is safe and saves a CREATE DATABASE per test.
shared::db::ConnectionPool& shared_pool() {
  static shared::db::ConnectionPool pool({test_support::create_test_database("auth_repo"), 8});
  static const bool migrated = [] {
    REQUIRE(shared::db::apply_migrations(pool, auth::adapters::postgres::migrations()).ok());
    return true;
  }();
  (void)migrated;
  return pool;
}

}  // namespace

namespace auth_contract {
std::unique_ptr<auth::domain::UserRepository> make_repository_under_test() {
  return std::make_unique<auth::adapters::postgres::SociUserRepository>(shared_pool());
}

namespace {
// A database of its own per test: the feed is global to a database.
class SociSessions final : public SessionStoreUnderTest {
 public:
  SociSessions() {
    REQUIRE(shared::db::apply_migrations(pool_, auth::adapters::postgres::migrations()).ok());
  }
  auth::domain::UserRepository& users() override { return users_; }
  auth::domain::SessionStore& sessions() override { return store_; }
  auth::domain::RevocationLog& log() override { return store_; }
  shared::time::Timestamp now() override { return clock_.now(); }

 private:
  shared::time::SystemClock clock_;
  shared::db::ConnectionPool pool_{{test_support::create_test_database("auth_sessions"), 4}};
  auth::adapters::postgres::SociUserRepository users_{pool_};
  auth::adapters::postgres::SociSessionStore store_{pool_};
};
}  // namespace

std::unique_ptr<SessionStoreUnderTest> make_session_store_under_test() {
  return std::make_unique<SociSessions>();
}

std::unique_ptr<auth::domain::AttemptCounters> make_attempt_counters_under_test() {
  return std::make_unique<auth::adapters::postgres::SociAttemptCounters>(shared_pool());
}
}  // namespace auth_contract

TEST_CASE("SociUserRepository finds rows written in another letter case",
          "[integration][repository]") {
  shared::db::ConnectionPool pool({test_support::create_test_database("auth_repo_case"), 2});
  REQUIRE(shared::db::apply_migrations(pool, auth::adapters::postgres::migrations()).ok());
  const auto inserted = pool.with_session([](soci::session& session) -> shared::Result<int> {
    session << "INSERT INTO users (email, hashed_password) VALUES ('old@example.com', 'h')";
    return 1;
  });
  REQUIRE(inserted.ok());
  auth::adapters::postgres::SociUserRepository users(pool);
  const auto found = users.find_by_email(auth_contract::email("OLD@example.com"));
  REQUIRE(found.ok());
  CHECK(found->has_value());
  CHECK(users.add({auth_contract::email("old@EXAMPLE.com"), "x"}).error().code ==
        shared::ErrorCode::kAlreadyExists);
}

TEST_CASE("SociUserRepository reports an unreachable database as kUnavailable",
          "[integration][repository]") {
  shared::db::ConnectionPool pool({"postgresql://nobody@127.0.0.1:1/none?connect_timeout=2", 1,
                                   std::chrono::milliseconds(500)});
  auth::adapters::postgres::SociUserRepository users(pool);
  const auto result = users.find_by_email(auth_contract::email("a@example.com"));
  REQUIRE_FALSE(result.ok());
  CHECK(result.error().code == shared::ErrorCode::kUnavailable);
}

// Rows written before the canonical email (0003) by another tool, in another
// letter case, become canonical and are found by their canonical form.
TEST_CASE("migration 0003 makes stored emails canonical and keeps them unique",
          "[integration][repository]") {
  shared::db::ConnectionPool pool({test_support::create_test_database("auth_repo_0003"), 2});
  const auto& all = auth::adapters::postgres::migrations();
  const std::vector<shared::db::Migration> before(all.begin(), all.begin() + 2);
  REQUIRE(shared::db::apply_migrations(pool, before).ok());
  REQUIRE(pool.with_session([](soci::session& session) -> shared::Result<int> {
    session << "INSERT INTO users (email, hashed_password) VALUES ('Mike@Example.COM', 'h')";
    return 1;
  }));
  REQUIRE(shared::db::apply_migrations(pool, all).ok());
  auth::adapters::postgres::SociUserRepository users(pool);
  const auto found = users.find_by_email(auth_contract::email("MIKE@example.com"));
  REQUIRE(found.ok());
  REQUIRE(found->has_value());
  CHECK((*found)->email.value() == "mike@example.com");
  // The Kelvin sign lower-cases to k here and in PostgreSQL alike.
  CHECK(users.add({auth_contract::email("mi\u212Ae@example.com"), "x"}).error().code ==
        shared::ErrorCode::kAlreadyExists);
}
