// task-service's token check end to end below HTTP: the shared verifier's
// rules, then the revocations (RevocationGate): a revoked jti, a user's
// cutoff, not ready before the first snapshot, and fail-closed once the
// feed's lag passes the limit. Tokens are forged independently of the
// service's JWT code (test_support_jwt).
#include "task/adapters/jwt/shared_jwt_token_verifier.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/jwt_forge.hpp"

using namespace std::chrono_literals;
using shared::ErrorCode;

namespace {

constexpr std::string_view kSecret = "task-verifier-test-secret-0123456789abcdef";
const std::string kUser = "0b5e7a52-3f0c-4a8e-9b1d-2c6f4e8a1d3b";

struct World {
  explicit World(std::chrono::seconds fail_closed_after = 0s)
      : gate(revoked, status, clock, fail_closed_after), verifier(settings(), gate, clock) {}

  static shared::config::JwtSettings settings() {
    shared::config::JwtSettings jwt;
    jwt.secret = std::string(kSecret);
    return jwt;
  }
  std::int64_t now() const {
    return std::chrono::duration_cast<std::chrono::seconds>(clock.now().time_since_epoch()).count();
  }
  std::string token(const std::string& jti, std::int64_t iat) const {
    return test::forge_token(test::kHs256Header,
                             nlohmann::json{{"sub", kUser},
                                            {"email", "a@example.com"},
                                            {"iat", iat},
                                            {"exp", iat + 600},
                                            {"iss", "todo-auth"},
                                            {"aud", "todo-api"},
                                            {"jti", jti}}
                                 .dump(),
                             kSecret);
  }
  void load(const std::vector<shared::revocation::Event>& events = {}) {
    revoked.replace(events);
    status.answered(clock.now());
    status.mark_loaded();
  }

  shared::time::ManualClock clock{shared::time::Timestamp(std::chrono::seconds(test::unix_now()))};
  shared::revocation::RevocationSet revoked;
  task::app::FeedStatus status{clock.now()};
  task::app::RevocationGate gate;
  task::adapters::jwt::SharedJwtTokenVerifier verifier;
};

}  // namespace

TEST_CASE("verifier: before the first snapshot every valid token gets 503, never a pass",
          "[unit][revocation]") {
  World w;
  auto result = w.verifier.verify(w.token("j1", w.now()));
  REQUIRE_FALSE(result);
  CHECK(result.error().code == ErrorCode::kUnavailable);
  CHECK(result.error().retry_after == 1s);
  // A bad token is still a 401: the signature is checked first.
  auto forged = w.verifier.verify(w.token("j1", w.now()) + "x");
  REQUIRE_FALSE(forged);
  CHECK(forged.error().code == ErrorCode::kInvalidToken);
}

TEST_CASE("verifier: a revoked jti is refused, other tokens of the user pass",
          "[unit][revocation]") {
  World w;
  w.load({shared::revocation::TokenRevoked{"gone", kUser, w.now() + 600}});
  auto revoked = w.verifier.verify(w.token("gone", w.now()));
  REQUIRE_FALSE(revoked);
  CHECK(revoked.error().code == ErrorCode::kInvalidToken);
  CHECK(revoked.error().message == "Token has been revoked");
  auto other = w.verifier.verify(w.token("kept", w.now()));
  REQUIRE(other);
  CHECK(other->str() == kUser);
}

TEST_CASE("verifier: a cutoff refuses the user's tokens issued before it", "[unit][revocation]") {
  World w;
  const auto cutoff = w.now();
  w.load({shared::revocation::UserCutoff{kUser, cutoff, 0}});
  auto older = w.verifier.verify(w.token("a", cutoff - 1));
  REQUIRE_FALSE(older);
  CHECK(older.error().message == "Token has been revoked");
  CHECK(w.verifier.verify(w.token("b", cutoff)));
}

TEST_CASE("verifier: fail-closed answers 503 once the lag passes the limit, and only then",
          "[unit][revocation]") {
  World closed(2s);
  closed.load({shared::revocation::TokenRevoked{"gone", kUser, closed.now() + 600}});
  closed.clock.advance(2s);
  CHECK(closed.verifier.verify(closed.token("a", closed.now())));
  closed.clock.advance(1s);
  auto late = closed.verifier.verify(closed.token("a", closed.now()));
  REQUIRE_FALSE(late);
  CHECK(late.error().code == ErrorCode::kUnavailable);
  // What is known to be revoked is still said so.
  CHECK(closed.verifier.verify(closed.token("gone", closed.now())).error().code ==
        ErrorCode::kInvalidToken);
  closed.status.answered(closed.clock.now());
  CHECK(closed.verifier.verify(closed.token("a", closed.now())));

  World open;  // the default: never fail closed
  open.load();
  open.clock.advance(24h);
  CHECK(open.verifier.verify(open.token("a", open.now() - 60)));
}
