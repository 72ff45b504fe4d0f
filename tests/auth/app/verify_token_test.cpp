#include "auth/app/verify_token.hpp"

#include <catch2/catch.hpp>

#include "auth/app/session_world.hpp"

TEST_CASE("verify passes the verifier's claims or its rejection through", "[unit][verify]") {
  auth::testing::SessionWorld world;
  world.verifier.accepted["t"] = {"user-1", "a@b.io", 42, std::nullopt, std::nullopt};
  const auth::app::VerifyToken verify(world.authenticate);
  const auto claims = verify.execute("t");
  REQUIRE(claims.ok());
  CHECK(claims->subject == "user-1");
  CHECK(claims->email == "a@b.io");
  CHECK(claims->expires_at == 42);
  CHECK(verify.execute("other").error().code == shared::ErrorCode::kInvalidToken);
}
