#include "auth/domain/new_account.hpp"

#include <catch2/catch.hpp>

using auth::domain::NewAccount;
using shared::ErrorCode;

TEST_CASE("a new account normalises its email and keeps the password as typed", "[unit][signup]") {
  const auto account = NewAccount::from(" Ada@Example.com ", "correct horse");
  REQUIRE(account.ok());
  CHECK(account->email.value() == "ada@example.com");
  CHECK(account->password.reveal() == "correct horse");
}

TEST_CASE("a new account reports every invalid field at once, email first", "[unit][signup]") {
  const auto result = NewAccount::from("not-an-email", "short");
  REQUIRE_FALSE(result.ok());
  CHECK(result.error().code == ErrorCode::kInvalidArgument);
  REQUIRE(result.error().violations.size() == 2);
  CHECK(result.error().violations[0].location == shared::Location{"email"});
  CHECK(result.error().violations[1].location == shared::Location{"password"});
}

TEST_CASE("a new account names only the field that is wrong", "[unit][signup]") {
  const auto bad_password = NewAccount::from("ada@example.com", std::string(73, 'p'));
  REQUIRE_FALSE(bad_password.ok());
  REQUIRE(bad_password.error().violations.size() == 1);
  CHECK(bad_password.error().violations[0].location == shared::Location{"password"});

  const auto bad_email = NewAccount::from("ada@", "long enough");
  REQUIRE_FALSE(bad_email.ok());
  REQUIRE(bad_email.error().violations.size() == 1);
  CHECK(bad_email.error().violations[0].location == shared::Location{"email"});
}
