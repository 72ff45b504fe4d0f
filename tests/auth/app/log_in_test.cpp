#include "auth/app/log_in.hpp"

#include <catch2/catch.hpp>

#include "auth/adapters/memory/in_memory_attempt_counters.hpp"
#include "auth/adapters/memory/in_memory_session_store.hpp"
#include "auth/adapters/memory/in_memory_user_repository.hpp"
#include "auth/app/commands.hpp"
#include "auth/app/fakes.hpp"
#include "auth/app/sign_up.hpp"

using auth::app::LogIn;
using shared::ErrorCode;
using namespace std::chrono_literals;

namespace {
struct Fixture {
  auth::testing::FakeClock clock;
  auth::adapters::memory::InMemoryUserRepository users{clock};
  auth::testing::FakePasswordHasher hasher;
  auth::testing::FakeTokenIssuer tokens{clock};
  auth::testing::FakeRefreshTokenGenerator refresh_tokens;
  auth::adapters::memory::InMemorySessionStore store{users, clock};
  auth::app::SessionIssuer issuer{tokens, refresh_tokens, store, clock, 3600s};
  auth::adapters::memory::InMemoryAttemptCounters counters;
  auth::domain::FailedLoginThrottle throttle{counters, {3, 5, 60s}, clock};
  auth::domain::SignUpLimit sign_up_limit{counters, {}, clock};
  LogIn log_in{users, hasher, issuer, throttle};

  Fixture() {
    REQUIRE(auth::app::SignUp(users, hasher, sign_up_limit)
                .execute(auth::testing::sign_up_command("ada@example.com", "correct horse"))
                .ok());
  }
  shared::Result<auth::domain::Session> attempt(std::string email, std::string password,
                                                std::string client = "10.0.0.1") {
    return log_in.execute({std::move(email), std::move(password), std::move(client)});
  }
};

void require_bad_credentials(const shared::Result<auth::domain::Session>& result) {
  REQUIRE_FALSE(result.ok());
  CHECK(result.error().code == ErrorCode::kUnauthenticated);
  CHECK(result.error().message == "Incorrect email or password");
}
}  // namespace

TEST_CASE("log-in with the right password starts a session", "[unit][login]") {
  Fixture f;
  const auto session = f.attempt(" ADA@example.com", "correct horse");
  REQUIRE(session.ok());
  CHECK(session->access.access_token == "token-1");
  CHECK(session->refresh_token == "refresh-1");
  CHECK(session->refresh_expires_in == 3600s);
  CHECK(f.store.owner_of("hash:refresh-1").value().has_value());
  CHECK(f.hasher.checks == 1);
}

TEST_CASE("wrong password and unknown email look alike and both cost one check", "[unit][login]") {
  Fixture f;
  require_bad_credentials(f.attempt("ada@example.com", "wrong horse"));
  CHECK(f.hasher.checks == 1);
  require_bad_credentials(f.attempt("nobody@example.com", "correct horse"));
  require_bad_credentials(f.attempt("not an email", "correct horse"));
  CHECK(f.hasher.dummy_checks == 2);
  CHECK(f.tokens.issued == 0);
}

TEST_CASE("a password longer than 72 bytes never logs in, even if its prefix matches",
          "[unit][login]") {
  Fixture f;
  REQUIRE(auth::app::SignUp(f.users, f.hasher, f.sign_up_limit)
              .execute(auth::testing::sign_up_command("long@example.com", std::string(72, 'p')))
              .ok());
  require_bad_credentials(f.attempt("long@example.com", std::string(73, 'p')));
  CHECK(f.hasher.dummy_checks == 1);
  CHECK(f.attempt("long@example.com", std::string(72, 'p')).ok());
}

TEST_CASE("too many failures for one email give kRateLimited without a check", "[unit][login]") {
  Fixture f;
  for (int i = 0; i < 3; ++i) require_bad_credentials(f.attempt("ada@example.com", "nope nope"));
  const int checks_before = f.hasher.checks;
  const auto blocked = f.attempt("ADA@example.com", "correct horse", "10.9.9.9");
  REQUIRE_FALSE(blocked.ok());
  CHECK(blocked.error().code == ErrorCode::kRateLimited);
  CHECK(blocked.error().retry_after == 60s);
  CHECK(f.hasher.checks == checks_before);
  f.clock.advance(60s);
  CHECK(f.attempt("ada@example.com", "correct horse").ok());
}

TEST_CASE("too many failures from one client block that client only", "[unit][login]") {
  Fixture f;
  for (int i = 0; i < 5; ++i) {
    require_bad_credentials(f.attempt("user" + std::to_string(i) + "@example.com", "whatever1"));
  }
  CHECK(f.attempt("ada@example.com", "correct horse").error().code == ErrorCode::kRateLimited);
  CHECK(f.attempt("ada@example.com", "correct horse", "10.0.0.2").ok());
}

TEST_CASE("a successful login clears the email's failures", "[unit][login]") {
  Fixture f;
  require_bad_credentials(f.attempt("ada@example.com", "nope nope", "c1"));
  require_bad_credentials(f.attempt("ada@example.com", "nope nope", "c2"));
  REQUIRE(f.attempt("ada@example.com", "correct horse", "c3").ok());
  require_bad_credentials(f.attempt("ada@example.com", "nope nope", "c4"));
  require_bad_credentials(f.attempt("ada@example.com", "nope nope", "c5"));
  CHECK(f.attempt("ada@example.com", "correct horse", "c6").ok());
}

TEST_CASE("a login that matched a hash of another cost replaces it, once", "[unit][login]") {
  Fixture f;
  const auto user = f.users.find_by_email(auth::domain::Email::parse("ada@example.com").value());
  REQUIRE(user.ok());
  f.users.set_password_hash((*user)->id, "old$correct horse");
  const int hashes = f.hasher.hashes;
  REQUIRE(f.attempt("ada@example.com", "correct horse").ok());
  CHECK(f.hasher.hashes == hashes + 1);
  const auto after = f.users.find_by_id((*user)->id);
  CHECK((*after)->password_hash == "fake$correct horse");
  REQUIRE(f.attempt("ada@example.com", "correct horse").ok());
  CHECK(f.hasher.hashes == hashes + 1);  // nothing more to migrate
}
