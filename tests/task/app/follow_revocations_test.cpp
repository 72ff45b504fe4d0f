// The follower with a scripted feed and a ManualClock: snapshot first, the
// cursor handed on, 410 → a new snapshot, backoff that grows and resets,
// state changes reported once, the lag, expired entries dropped, and user
// deletions recorded before the cursor moves past them.
#include "task/app/follow_revocations.hpp"

#include <catch2/catch.hpp>

#include "app/revocation_fakes.hpp"

using namespace std::chrono_literals;
using shared::revocation::TokenRevoked;
using shared::revocation::UserCutoff;
using shared::revocation::UserDeleted;
using task::app::FeedState;
using Kind = task::domain::FeedAnswer::Kind;

namespace {

constexpr std::int64_t kStart = 1'800'000'000;  // seconds since the epoch
const std::string kAlice = "0b5e7a52-3f0c-4a8e-9b1d-2c6f4e8a1d3b";
const std::string kBob = "7d2c9e14-85a1-4f3b-a6c0-1e9b5d7f3a24";

struct World {
  shared::time::ManualClock clock{shared::time::Timestamp(std::chrono::seconds(kStart))};
  task_test::ScriptedFeed feed;
  task_test::FakeUserDeletions deletions;
  shared::revocation::RevocationSet revoked;
  task::app::FeedStatus status{clock.now()};
  int wakeups = 0;
  task::app::FollowRevocations follower{
      feed, revoked, deletions, status, clock, {}, [this] { ++wakeups; }};
};

shared::revocation::TokenFacts token(const std::string& user, const std::string& jti,
                                     std::int64_t iat = kStart) {
  return {user, jti, iat};
}

}  // namespace

TEST_CASE("follower: a snapshot first, then long polls after the cursor it gave",
          "[unit][follower]") {
  World w;
  w.feed.answer_page("c1", {TokenRevoked{"j1", kAlice, kStart + 600}});
  w.feed.answer_page("c2", {TokenRevoked{"j2", kAlice, kStart + 600}});
  w.feed.answer_page("c2");

  CHECK_FALSE(w.status.loaded());
  auto first = w.follower.step();
  CHECK(first.snapshot_loaded);
  CHECK(first.new_state == FeedState::kFollowing);
  CHECK(first.pause == 0ms);
  CHECK(w.status.loaded());
  CHECK(w.revoked.is_revoked(token(kAlice, "j1")));

  auto second = w.follower.step();
  CHECK_FALSE(second.snapshot_loaded);
  CHECK_FALSE(second.new_state);  // still following: nothing to log
  CHECK(second.events_applied == 1);
  CHECK(w.revoked.is_revoked(token(kAlice, "j2")));

  (void)w.follower.step();  // an empty page: the wait passed
  REQUIRE(w.feed.calls.size() == 3);
  CHECK_FALSE(w.feed.calls[0].cursor);
  CHECK(w.feed.calls[1].cursor == "c1");
  CHECK(w.feed.calls[1].wait == 25s);
  CHECK(w.feed.calls[2].cursor == "c2");
  CHECK(w.follower.cursor() == "c2");
}

TEST_CASE("follower: events apply in order, so a later cutoff wins over nothing",
          "[unit][follower]") {
  World w;
  w.feed.answer_page("c1");
  w.feed.answer_page("c2",
                     {UserCutoff{kBob, kStart + 10, 0}, TokenRevoked{"j9", kBob, kStart + 60}});
  (void)w.follower.step();
  (void)w.follower.step();
  CHECK(w.revoked.is_revoked(token(kBob, "other", kStart + 5)));
  CHECK_FALSE(w.revoked.is_revoked(token(kBob, "other", kStart + 10)));
  CHECK(w.revoked.is_revoked(token(kBob, "j9", kStart + 20)));
  CHECK_FALSE(w.revoked.is_revoked(token(kAlice, "other", kStart + 5)));
}

TEST_CASE("follower: 410 takes a new snapshot at once, which replaces the set",
          "[unit][follower]") {
  World w;
  w.feed.answer_page("c1", {TokenRevoked{"old", kAlice, kStart + 600}});
  w.feed.answer_failure(Kind::kCursorExpired, "gone");
  w.feed.answer_page("c7", {TokenRevoked{"new", kAlice, kStart + 600}});
  w.feed.answer_page("c8");

  (void)w.follower.step();
  auto expired = w.follower.step();
  CHECK(expired.cursor_expired);
  CHECK(expired.pause == 0ms);
  CHECK_FALSE(expired.new_state);
  CHECK_FALSE(w.follower.cursor());

  auto snapshot = w.follower.step();
  CHECK(snapshot.snapshot_loaded);
  CHECK_FALSE(w.feed.calls[2].cursor);  // a snapshot, not a poll
  CHECK_FALSE(w.revoked.is_revoked(token(kAlice, "old")));
  CHECK(w.revoked.is_revoked(token(kAlice, "new")));
  (void)w.follower.step();
  CHECK(w.feed.calls[3].cursor == "c7");
}

TEST_CASE(
    "follower: failures back off from 0.2 s doubling to 5 s, reset by a success, "
    "and are reported once per change of state",
    "[unit][follower]") {
  World w;
  std::vector<std::chrono::milliseconds> pauses;
  std::vector<FeedState> changes;
  const auto run = [&](int steps) {
    for (int i = 0; i < steps; ++i) {
      auto report = w.follower.step();
      pauses.push_back(report.pause);
      if (report.new_state) changes.push_back(*report.new_state);
    }
  };
  for (int i = 0; i < 7; ++i) w.feed.answer_failure(Kind::kUnavailable);
  run(7);
  CHECK(pauses == std::vector<std::chrono::milliseconds>{200ms, 400ms, 800ms, 1600ms, 3200ms,
                                                         5000ms, 5000ms});
  CHECK(changes == std::vector<FeedState>{FeedState::kUnavailable});
  CHECK_FALSE(w.status.loaded());

  w.feed.answer_page("c1");
  w.feed.answer_failure(Kind::kUnavailable);
  w.feed.answer_failure(Kind::kRefused, "401");
  pauses.clear();
  run(3);
  CHECK(pauses == std::vector<std::chrono::milliseconds>{0ms, 200ms, 400ms});
  CHECK(changes == std::vector<FeedState>{FeedState::kUnavailable, FeedState::kFollowing,
                                          FeedState::kUnavailable, FeedState::kRefused});
  // A failed poll keeps the cursor: the next one asks from the same place.
  CHECK(w.follower.cursor() == "c1");
}

TEST_CASE("follower: the lag counts from the start, then from the last answer",
          "[unit][follower]") {
  World w;
  w.clock.advance(3s);
  CHECK(w.status.lag(w.clock.now()) == 3s);
  w.feed.answer_page("c1");
  (void)w.follower.step();
  CHECK(w.status.lag(w.clock.now()) == 0s);
  w.clock.advance(4s);
  w.feed.answer_failure(Kind::kUnavailable);
  (void)w.follower.step();  // a failure is no answer
  CHECK(w.status.lag(w.clock.now()) == 4s);
  w.feed.answer_failure(Kind::kCursorExpired);
  (void)w.follower.step();  // neither is a 410: nothing new is known
  CHECK(w.status.lag(w.clock.now()) == 4s);
}

TEST_CASE("follower: expired entries are dropped every minute", "[unit][follower]") {
  World w;
  w.feed.answer_page(
      "c1", {TokenRevoked{"short", kAlice, kStart + 30},
             TokenRevoked{"long", kAlice, kStart + 3600}, UserCutoff{kBob, kStart, kStart + 30}});
  (void)w.follower.step();
  CHECK(w.revoked.size().tokens == 2);
  CHECK(w.revoked.size().users == 1);

  w.clock.advance(59s);
  w.feed.answer_page("c1");
  (void)w.follower.step();
  CHECK(w.revoked.size().tokens == 2);  // not a minute yet

  w.clock.advance(1s);
  w.feed.answer_page("c1");
  (void)w.follower.step();
  CHECK(w.revoked.size().tokens == 1);
  CHECK(w.revoked.size().users == 0);
  CHECK(w.revoked.is_revoked(token(kAlice, "long")));
}

TEST_CASE("follower: a user_deleted is recorded before the cursor moves past it",
          "[unit][follower]") {
  World w;
  const auto alice = *task::domain::UserId::parse(kAlice);
  w.feed.answer_page("c1");
  (void)w.follower.step();

  w.deletions.failing = true;
  w.feed.answer_page("c2", {UserCutoff{kAlice, kStart, 0}, UserDeleted{kAlice}});
  auto failed = w.follower.step();
  CHECK(failed.new_state == FeedState::kUnavailable);
  CHECK(failed.pause == 200ms);
  CHECK(w.follower.cursor() == "c1");  // the page will be asked for again
  CHECK(w.wakeups == 0);

  w.deletions.failing = false;
  w.feed.answer_page("c2", {UserCutoff{kAlice, kStart, 0}, UserDeleted{kAlice}});
  auto retried = w.follower.step();
  CHECK(retried.new_state == FeedState::kFollowing);
  CHECK(w.follower.cursor() == "c2");
  CHECK(w.feed.calls.back().cursor == "c1");
  CHECK(w.deletions.requested.contains(alice));
  CHECK(w.wakeups == 1);
  CHECK(w.revoked.is_revoked(token(kAlice, "any", kStart - 1)));
}

TEST_CASE("follower: deletions in a snapshot are recorded too, and a non-UUID user is skipped",
          "[unit][follower]") {
  World w;
  w.feed.answer_page("c1", {UserDeleted{kBob}, UserDeleted{"not-a-uuid"}});
  auto report = w.follower.step();
  CHECK(report.snapshot_loaded);
  CHECK(w.deletions.requested.size() == 1);
  CHECK(w.wakeups == 1);
}

TEST_CASE("follower: the poll's wait stays well within the fail-closed limit", "[unit][follower]") {
  using task::app::poll_wait_for;
  CHECK(poll_wait_for(0s) == 25s);
  CHECK(poll_wait_for(2s) == 1s);
  CHECK(poll_wait_for(1s) == 1s);
  CHECK(poll_wait_for(10s) == 5s);
  CHECK(poll_wait_for(3600s) == 25s);
}
