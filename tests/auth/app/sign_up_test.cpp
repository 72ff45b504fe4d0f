#include "auth/app/sign_up.hpp"

#include <catch2/catch.hpp>

#include "auth/adapters/memory/in_memory_attempt_counters.hpp"
#include "auth/adapters/memory/in_memory_user_repository.hpp"
#include "auth/app/commands.hpp"
#include "auth/app/fakes.hpp"

using auth::app::SignUp;
using shared::ErrorCode;

namespace {
struct Fixture {
  auth::testing::FakeClock clock;
  auth::adapters::memory::InMemoryUserRepository users{clock};
  auth::testing::FakePasswordHasher hasher;
  auth::adapters::memory::InMemoryAttemptCounters counters;
  auth::domain::SignUpLimit limit{counters, {2, std::chrono::seconds(3600)}, clock};
  SignUp sign_up{users, hasher, limit};
};
}  // namespace

TEST_CASE("sign-up stores a normalised email and a hash, never the password", "[unit][signup]") {
  Fixture f;
  const auto user =
      f.sign_up.execute(auth::testing::sign_up_command(" Ada@Example.com ", "correct horse"));
  REQUIRE(user.ok());
  CHECK(user->email.value() == "ada@example.com");
  CHECK(user->password_hash == "fake$correct horse");
  CHECK(user->created_at == user->updated_at);
  const auto stored = f.users.find_by_email(user->email);
  REQUIRE(stored.ok());
  REQUIRE(stored->has_value());
  CHECK((*stored)->id == user->id);
}

TEST_CASE("sign-up refuses a taken email in any letter case without hashing", "[unit][signup]") {
  Fixture f;
  REQUIRE(f.sign_up.execute(auth::testing::sign_up_command("ada@example.com", "password1")).ok());
  const auto again =
      f.sign_up.execute(auth::testing::sign_up_command("ADA@EXAMPLE.COM", "password2"));
  REQUIRE_FALSE(again.ok());
  CHECK(again.error().code == ErrorCode::kAlreadyExists);
  CHECK(again.error().message == "Email already registered");
  CHECK(f.hasher.hashes == 1);
}

TEST_CASE("sign-ups beyond the limit from one client are refused before any bcrypt",
          "[unit][signup]") {
  Fixture f;
  const std::string client = "192.0.2.10";
  REQUIRE(
      f.sign_up.execute(auth::testing::sign_up_command("a@example.com", "pw-one-1", client)).ok());
  REQUIRE(
      f.sign_up.execute(auth::testing::sign_up_command("b@example.com", "pw-two-2", client)).ok());
  const int hashes = f.hasher.hashes;
  const auto third =
      f.sign_up.execute(auth::testing::sign_up_command("c@example.com", "pw-three-3", client));
  REQUIRE_FALSE(third.ok());
  CHECK(third.error().code == ErrorCode::kRateLimited);
  CHECK(third.error().retry_after == std::chrono::seconds(3600));
  CHECK(f.hasher.hashes == hashes);
  CHECK(f.sign_up.execute(auth::testing::sign_up_command("c@example.com", "pw-three-3")).ok());
}
