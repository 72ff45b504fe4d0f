#include "auth/app/get_current_user.hpp"

#include <catch2/catch.hpp>

#include "auth/adapters/memory/in_memory_user_repository.hpp"
#include "auth/app/session_world.hpp"

using shared::ErrorCode;

TEST_CASE("the current user is the one the token's sub names", "[unit][me]") {
  auth::testing::SessionWorld world;
  auto& users = world.users;
  auto& verifier = world.verifier;
  const auto ada = users.add({auth::domain::Email::parse("ada@example.com").value(), "h"});
  REQUIRE(ada.ok());
  verifier.accepted["good"] = {ada->id, "ada@example.com", 1, std::nullopt, std::nullopt};
  verifier.accepted["orphan"] = {"00000000-0000-4000-8000-000000000000", std::nullopt, 1,
                                 std::nullopt, std::nullopt};
  auto& get = world.me;

  CHECK(get.execute("good").value().id == ada->id);
  const auto rejected = get.execute("forged");
  REQUIRE_FALSE(rejected.ok());
  CHECK(rejected.error().code == ErrorCode::kInvalidToken);
  const auto orphan = get.execute("orphan");
  REQUIRE_FALSE(orphan.ok());
  CHECK(orphan.error().code == ErrorCode::kInvalidToken);
  CHECK(orphan.error().message == "User no longer exists");
  users.remove(ada->id);
  CHECK(get.execute("good").error().message == "User no longer exists");
}
