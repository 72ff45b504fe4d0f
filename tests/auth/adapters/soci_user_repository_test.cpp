#include "auth/adapters/postgres/soci_user_repository.hpp"

#include "auth/adapters/postgres/migrations.hpp"
#include "auth/adapters/user_repository_contract.hpp"
#include "shared/db/migration_runner.hpp"

#include "support/test_database.hpp"

TEST_CASE("SociUserRepository keeps the UserRepository contract", "[integration][repository]") {
  shared::db::ConnectionPool pool({test_support::create_test_database("auth_repo"), 8});
  REQUIRE(shared::db::apply_migrations(pool, auth::adapters::postgres::migrations()).ok());
  auth::adapters::postgres::SociUserRepository users(pool);
  auth::testing::check_user_repository_contract(users);
}

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
  const auto found = users.find_by_email(auth::testing::email("OLD@example.com"));
  REQUIRE(found.ok());
  CHECK(found->has_value());
  CHECK(users.add({auth::testing::email("old@EXAMPLE.com"), "x"}).error().code ==
        shared::ErrorCode::kAlreadyExists);
}

TEST_CASE("SociUserRepository reports an unreachable database as kUnavailable",
          "[integration][repository]") {
  shared::db::ConnectionPool pool({"postgresql://nobody@127.0.0.1:1/none?connect_timeout=2", 1,
                                   std::chrono::milliseconds(500)});
  auth::adapters::postgres::SociUserRepository users(pool);
  const auto result = users.find_by_email(auth::testing::email("a@example.com"));
  REQUIRE_FALSE(result.ok());
  CHECK(result.error().code == shared::ErrorCode::kUnavailable);
}
