// Sessions end to end in memory: rotation, reuse detection, logout,
// logout-all, password change, account deletion, and the feed they write.
#include <catch2/catch.hpp>

#include "auth/app/session_world.hpp"

using auth::testing::SessionWorld;
using shared::ErrorCode;
using namespace std::chrono_literals;

namespace {

void require_invalid_refresh(const shared::Result<auth::domain::Session>& result) {
  REQUIRE_FALSE(result.ok());
  CHECK(result.error().code == ErrorCode::kUnauthenticated);
  CHECK(result.error().message == "Invalid refresh token");
}

void require_revoked(SessionWorld& world, const auth::domain::Session& session) {
  const auto claims = world.authenticate.execute(session.access.access_token);
  REQUIRE_FALSE(claims.ok());
  CHECK(claims.error().code == ErrorCode::kInvalidToken);
  CHECK(claims.error().message == "Token has been revoked");
}

}  // namespace

TEST_CASE("refresh: a refresh token buys the next pair once, and the new pair works",
          "[unit][sessions]") {
  SessionWorld world;
  world.add_user("ada@example.com");
  const auto first = world.login("ada@example.com");
  world.clock.advance(60s);

  const auto second = world.refresh.execute({first.refresh_token, "10.0.0.1"});
  REQUIRE(second.ok());
  CHECK(second->refresh_token != first.refresh_token);
  CHECK(second->access.access_token != first.access.access_token);
  CHECK(world.accepted(*second));
  CHECK(world.accepted(first));  // rotation alone revokes nothing

  const auto third = world.refresh.execute({second->refresh_token, "10.0.0.1"});
  REQUIRE(third.ok());
  CHECK(world.accepted(*third));
}

TEST_CASE("refresh: a spent token presented again revokes its whole chain, not other chains",
          "[unit][sessions]") {
  SessionWorld world;
  world.add_user("ada@example.com");
  const auto stolen = world.login("ada@example.com");
  const auto other_device = world.login("ada@example.com");
  const auto rotated = world.refresh.execute({stolen.refresh_token, "10.0.0.1"});
  REQUIRE(rotated.ok());

  require_invalid_refresh(world.refresh.execute({stolen.refresh_token, "10.6.6.6"}));
  require_revoked(world, stolen);
  require_revoked(world, *rotated);
  require_invalid_refresh(world.refresh.execute({rotated->refresh_token, "10.0.0.1"}));

  CHECK(world.accepted(other_device));
  CHECK(world.refresh.execute({other_device.refresh_token, "10.0.0.1"}).ok());
}

TEST_CASE("refresh: unknown and expired tokens get the same 401, and failures lead to 429",
          "[unit][sessions]") {
  SessionWorld world;
  world.add_user("ada@example.com");
  const auto session = world.login("ada@example.com");
  world.clock.advance(SessionWorld::kRefreshLifetime + 1s);
  require_invalid_refresh(world.refresh.execute({session.refresh_token, "10.0.0.2"}));
  for (int i = 0; i < 4; ++i) {
    require_invalid_refresh(world.refresh.execute({"made-up", "10.0.0.2"}));
  }
  const auto blocked = world.refresh.execute({"made-up", "10.0.0.2"});
  REQUIRE_FALSE(blocked.ok());
  CHECK(blocked.error().code == ErrorCode::kRateLimited);
}

TEST_CASE("logout revokes the presented token and, when sent, its refresh chain",
          "[unit][sessions]") {
  SessionWorld world;
  world.add_user("ada@example.com");
  const auto laptop = world.login("ada@example.com");
  const auto phone = world.login("ada@example.com");

  REQUIRE(world.log_out.execute({laptop.access.access_token, laptop.refresh_token}).ok());
  require_revoked(world, laptop);
  require_invalid_refresh(world.refresh.execute({laptop.refresh_token, "10.0.0.1"}));
  CHECK(world.accepted(phone));

  REQUIRE(world.log_out.execute({phone.access.access_token, std::nullopt}).ok());
  require_revoked(world, phone);
  // Without the refresh token in the body, its chain lives on.
  CHECK(world.refresh.execute({phone.refresh_token, "10.0.0.1"}).ok());
}

TEST_CASE("logout-all revokes every token issued until now, even within the same second",
          "[unit][sessions]") {
  SessionWorld world;
  world.add_user("ada@example.com");
  const auto one = world.login("ada@example.com");
  const auto two = world.login("ada@example.com");
  REQUIRE(world.log_out_everywhere.execute({two.access.access_token}).ok());
  require_revoked(world, one);
  require_revoked(world, two);
  require_invalid_refresh(world.refresh.execute({one.refresh_token, "10.0.0.1"}));

  // Same second as the cutoff: the new token is dated after it and lives.
  const auto after = world.login("ada@example.com");
  CHECK(world.accepted(after));
  CHECK(after.access.issued_at == one.access.issued_at + 1);
}

TEST_CASE(
    "password change: the wrong password is 403 and a failed login, the right one keeps "
    "only the new session",
    "[unit][sessions]") {
  SessionWorld world;
  world.add_user("ada@example.com");
  const auto old_session = world.login("ada@example.com");
  const auto other = world.login("ada@example.com");
  const auto new_password = auth::domain::PlainPassword::parse("battery staple").value();

  const auto wrong = world.change_password.execute(
      {old_session.access.access_token, "not it", new_password, "10.0.0.1"});
  REQUIRE_FALSE(wrong.ok());
  CHECK(wrong.error().code == ErrorCode::kPermissionDenied);
  CHECK(wrong.error().message == "Incorrect password");

  const auto changed = world.change_password.execute(
      {old_session.access.access_token, "correct horse", new_password, "10.0.0.1"});
  REQUIRE(changed.ok());
  CHECK(world.accepted(*changed));
  require_revoked(world, old_session);
  require_revoked(world, other);
  require_invalid_refresh(world.refresh.execute({other.refresh_token, "10.0.0.1"}));
  CHECK(world.refresh.execute({changed->refresh_token, "10.0.0.1"}).ok());
  CHECK(world.log_in.execute({"ada@example.com", "battery staple", "10.0.0.1"}).ok());
  CHECK_FALSE(world.log_in.execute({"ada@example.com", "correct horse", "10.0.0.1"}).ok());
}

TEST_CASE("password change: wrong passwords count towards the login limit", "[unit][sessions]") {
  SessionWorld world;
  world.add_user("ada@example.com");
  const auto session = world.login("ada@example.com");
  const auto new_password = auth::domain::PlainPassword::parse("battery staple").value();
  for (int i = 0; i < 3; ++i) {
    CHECK(world.change_password
              .execute({session.access.access_token, "guess", new_password, "10.0.0.9"})
              .error()
              .code == ErrorCode::kPermissionDenied);
  }
  const auto blocked = world.change_password.execute(
      {session.access.access_token, "correct horse", new_password, "10.0.0.9"});
  REQUIRE_FALSE(blocked.ok());
  CHECK(blocked.error().code == ErrorCode::kRateLimited);
}

TEST_CASE(
    "account deletion: 403 for the wrong password, then the user, tokens and email are "
    "released, and the feed says so",
    "[unit][sessions]") {
  SessionWorld world;
  const auto id = world.add_user("ada@example.com");
  const auto session = world.login("ada@example.com");
  const auto start = world.feed.execute({}).value()->cursor;

  CHECK(world.delete_account.execute({session.access.access_token, "nope", "10.0.0.1"})
            .error()
            .code == ErrorCode::kPermissionDenied);
  const auto deleted =
      world.delete_account.execute({session.access.access_token, "correct horse", "10.0.0.1"});
  REQUIRE(deleted.ok());
  CHECK(*deleted == id);
  require_revoked(world, session);
  require_invalid_refresh(world.refresh.execute({session.refresh_token, "10.0.0.1"}));
  CHECK_FALSE(world.users.find_by_id(id).value().has_value());

  const auto again = world.add_user("ada@example.com");
  CHECK(again != id);

  const auto page = world.feed.execute({std::stoll(start)});
  REQUIRE(page.ok());
  REQUIRE(page->has_value());
  const auto& events = (*page)->events;
  REQUIRE(events.size() == 2);
  CHECK(std::get<shared::revocation::UserCutoff>(events[0]).user_id == id);
  CHECK(std::get<shared::revocation::UserDeleted>(events[1]).user_id == id);
}

TEST_CASE(
    "feed: a snapshot holds what is in force, a cursor gives what came after, a pruned "
    "cursor is gone",
    "[unit][sessions][feed]") {
  SessionWorld world;
  world.add_user("ada@example.com");
  const auto a = world.login("ada@example.com");
  REQUIRE(world.log_out.execute({a.access.access_token, std::nullopt}).ok());

  const auto snapshot = world.feed.execute({});
  REQUIRE(snapshot.ok());
  REQUIRE((*snapshot)->events.size() == 1);
  const auto& revoked = std::get<shared::revocation::TokenRevoked>((*snapshot)->events[0]);
  CHECK(revoked.jti == a.access.id);
  CHECK(revoked.expires_at == a.access.expires_at);
  const auto cursor = std::stoll((*snapshot)->cursor);

  const auto b = world.login("ada@example.com");
  REQUIRE(world.log_out_everywhere.execute({b.access.access_token}).ok());
  const auto next = world.feed.execute({cursor});
  REQUIRE(next.ok());
  REQUIRE((*next)->events.size() == 1);
  CHECK(std::holds_alternative<shared::revocation::UserCutoff>((*next)->events[0]));
  CHECK(world.feed.execute({std::stoll((*next)->cursor)}).value()->events.empty());

  // A cursor from the future is not one of ours either.
  CHECK_FALSE(world.feed.execute({cursor + 100}).value().has_value());

  world.clock.advance(8 * 24h);
  REQUIRE(world.store.prune(world.clock.now(), 30s, 7 * 24h).ok());
  CHECK_FALSE(world.feed.execute({cursor - 1}).value().has_value());
  CHECK(world.feed.execute({std::stoll((*next)->cursor)}).value().has_value());
}

TEST_CASE("revocations made elsewhere reach this replica when it catches up", "[unit][sessions]") {
  SessionWorld world;
  world.add_user("ada@example.com");
  const auto session = world.login("ada@example.com");
  // Another replica writes straight to the shared store.
  REQUIRE(world.store
              .revoke_token({session.access.id, world.verifier.accepted.begin()->second.subject,
                             session.access.expires_at})
              .ok());
  CHECK(world.accepted(session));
  REQUIRE(world.revocations.catch_up().ok());
  require_revoked(world, session);
}
