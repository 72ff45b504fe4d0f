#include "auth/app/verify_token.hpp"

#include <catch2/catch.hpp>

#include "auth/app/fakes.hpp"

TEST_CASE("verify passes the verifier's claims or its rejection through", "[unit][verify]") {
  auth::testing::FakeTokenVerifier verifier;
  verifier.accepted["t"] = {"user-1", "a@b.io", 42};
  auth::app::VerifyToken verify(verifier);
  const auto claims = verify.execute("t");
  REQUIRE(claims.ok());
  CHECK(claims->subject == "user-1");
  CHECK(claims->email == "a@b.io");
  CHECK(claims->expires_at == 42);
  CHECK(verify.execute("other").error().code == shared::ErrorCode::kInvalidToken);
}
