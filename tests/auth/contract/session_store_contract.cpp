// What every SessionStore must do: chains spent once, reuse revoking the
// chain, cutoffs, and a feed whose events and snapshot agree.
#include "contract/session_store_contract.hpp"

#include <algorithm>
#include <atomic>
#include <random>
#include <set>
#include <thread>

#include <catch2/catch.hpp>

#include "contract/user_repository_contract.hpp"

using auth::domain::ChainLink;
using auth::domain::SpendOutcome;
using shared::revocation::TokenRevoked;
using shared::revocation::UserCutoff;
using shared::revocation::UserDeleted;
using namespace std::chrono_literals;

namespace {

struct Fixture {
  std::unique_ptr<auth_contract::SessionStoreUnderTest> store =
      auth_contract::make_session_store_under_test();
  auth::domain::SessionStore& sessions = store->sessions();
  auth::domain::RevocationLog& log = store->log();

  std::int64_t seconds() {
    return std::chrono::floor<std::chrono::seconds>(store->now().time_since_epoch()).count();
  }
  std::string add_user(const char* name = "ada") {
    auto user = store->users().add({auth_contract::unique_email(name), "hash"});
    REQUIRE(user.ok());
    return user->id;
  }
  ChainLink link(const std::string& n) {
    return {"hash-" + n, store->now() + 3600s, "jti-" + n, seconds() + 600};
  }
  std::string start(const std::string& user, const std::string& n) {
    REQUIRE(sessions.start_chain(user, seconds(), link(n)).ok());
    return "hash-" + n;
  }
  std::vector<shared::revocation::Event> events_after(std::int64_t cursor) {
    auto page = log.after(cursor, 1000);
    REQUIRE(page.ok());
    REQUIRE(page->has_value());
    return (*page)->events;
  }
  std::int64_t cursor() { return std::stoll(log.snapshot(seconds(), 30s).value().cursor); }
};

// Distinct ids per run: the PostgreSQL store is shared by jti across tests.
std::string unique(const char* name) {
  static std::atomic<int> next{0};
  return std::string(name) + "-" + std::to_string(std::random_device{}()) + "-" +
         std::to_string(++next);
}

}  // namespace

TEST_CASE("contract: a refresh token is spent once, its chain grows, reuse revokes the chain",
          "[contract][sessions]") {
  Fixture f;
  const auto ada = f.add_user();
  const auto n = unique("a");
  const auto first = f.start(ada, n);
  CHECK(f.sessions.owner_of(first).value() == ada);
  const auto from = f.cursor();

  const auto spent = f.sessions.spend(first, f.store->now());
  REQUIRE(spent.ok());
  CHECK(spent->outcome == SpendOutcome::kSpent);
  CHECK(spent->user_id == ada);
  REQUIRE(f.sessions.extend_chain(spent->chain_id, f.link(n + "-2")).value());
  CHECK(f.events_after(from).empty());

  const auto reused = f.sessions.spend(first, f.store->now());
  REQUIRE(reused.ok());
  CHECK(reused->outcome == SpendOutcome::kReused);
  CHECK(reused->chain_id == spent->chain_id);
  const auto events = f.events_after(from);
  REQUIRE(events.size() == 2);  // both access tokens of the chain
  std::set<std::string> jtis;
  for (const auto& event : events) jtis.insert(std::get<TokenRevoked>(event).jti);
  CHECK(jtis == std::set<std::string>{"jti-" + n, "jti-" + n + "-2"});

  // The chain is dead: its live token is refused and it cannot grow.
  CHECK(f.sessions.spend("hash-" + n + "-2", f.store->now()).value().outcome ==
        SpendOutcome::kInvalid);
  CHECK_FALSE(f.sessions.extend_chain(spent->chain_id, f.link(n + "-3")).value());
  // Reuse again: no second round of events.
  CHECK(f.sessions.spend(first, f.store->now()).value().outcome == SpendOutcome::kReused);
  CHECK(f.events_after(from).size() == 2);
}

TEST_CASE("contract: unknown and expired refresh tokens are invalid", "[contract][sessions]") {
  Fixture f;
  const auto ada = f.add_user();
  const auto hash = f.start(ada, unique("e"));
  CHECK(f.sessions.spend("no-such-hash", f.store->now()).value().outcome == SpendOutcome::kInvalid);
  CHECK(f.sessions.owner_of("no-such-hash").value() == std::nullopt);
  CHECK(f.sessions.spend(hash, f.store->now() + 3601s).value().outcome == SpendOutcome::kInvalid);
}

TEST_CASE("contract: of two simultaneous spends, one wins and the other is reuse",
          "[contract][sessions]") {
  Fixture f;
  const auto hash = f.start(f.add_user(), unique("r"));
  SpendOutcome outcomes[2];
  std::thread a([&] { outcomes[0] = f.sessions.spend(hash, f.store->now()).value().outcome; });
  std::thread b([&] { outcomes[1] = f.sessions.spend(hash, f.store->now()).value().outcome; });
  a.join();
  b.join();
  CHECK(std::count(outcomes, outcomes + 2, SpendOutcome::kSpent) == 1);
  CHECK(std::count(outcomes, outcomes + 2, SpendOutcome::kReused) == 1);
}

TEST_CASE("contract: a cutoff kills older chains, only moves forward, and is in the snapshot",
          "[contract][sessions]") {
  Fixture f;
  const auto ada = f.add_user();
  const auto hash = f.start(ada, unique("c"));
  CHECK(f.sessions.cutoff_of(ada).value() == 0);
  const auto at = f.seconds() + 1;
  REQUIRE(f.sessions.cut_off(ada, {at, at + 600}).ok());
  REQUIRE(f.sessions.cut_off(ada, {at - 100, at + 10}).ok());
  CHECK(f.sessions.cutoff_of(ada).value() == at);
  CHECK(f.sessions.spend(hash, f.store->now()).value().outcome == SpendOutcome::kInvalid);

  const auto snapshot = f.log.snapshot(f.seconds(), 30s).value();
  REQUIRE(snapshot.events.size() == 1);
  const auto& cutoff = std::get<UserCutoff>(snapshot.events[0]);
  CHECK(cutoff.user_id == ada);
  CHECK(cutoff.not_before == at);
  CHECK(cutoff.expires_at == at + 600);
}

TEST_CASE("contract: a chain is revoked by its owner only", "[contract][sessions]") {
  Fixture f;
  const auto ada = f.add_user("ada");
  const auto eve = f.add_user("eve");
  const auto hash = f.start(ada, unique("o"));
  const auto from = f.cursor();
  REQUIRE(f.sessions.revoke_chain_of(hash, eve).ok());
  CHECK(f.events_after(from).empty());
  REQUIRE(f.sessions.revoke_chain_of(hash, ada).ok());
  CHECK(f.events_after(from).size() == 1);
  CHECK(f.sessions.spend(hash, f.store->now()).value().outcome == SpendOutcome::kInvalid);
}

TEST_CASE("contract: revoked tokens are in the snapshot until they expire, and in the feed",
          "[contract][sessions][feed]") {
  Fixture f;
  const auto ada = f.add_user();
  const auto from = f.cursor();
  const auto jti = unique("t");
  REQUIRE(f.sessions.revoke_token({jti, ada, f.seconds() + 60}).ok());
  const auto events = f.events_after(from);
  REQUIRE(events.size() == 1);
  CHECK(std::get<TokenRevoked>(events[0]).jti == jti);

  const auto snapshot = f.log.snapshot(f.seconds(), 30s).value();
  CHECK(std::stoll(snapshot.cursor) == from + 1);
  REQUIRE(snapshot.events.size() == 1);
  CHECK(std::get<TokenRevoked>(snapshot.events[0]).expires_at == f.seconds() + 60);
  // Past its expiry plus the grace it is no longer in force.
  CHECK(f.log.snapshot(f.seconds() + 91, 30s).value().events.empty());
}

TEST_CASE("contract: a password change and its cutoff come together", "[contract][sessions]") {
  Fixture f;
  const auto ada = f.add_user();
  const auto from = f.cursor();
  REQUIRE(f.sessions.change_password(ada, "new-hash", {f.seconds() + 1, f.seconds() + 600}).ok());
  CHECK(f.store->users().find_by_id(ada).value()->password_hash == "new-hash");
  const auto events = f.events_after(from);
  REQUIRE(events.size() == 1);
  CHECK(std::get<UserCutoff>(events[0]).user_id == ada);
}

TEST_CASE("contract: a deleted user is gone, cut off, and announced", "[contract][sessions]") {
  Fixture f;
  const auto ada = f.add_user();
  const auto hash = f.start(ada, unique("d"));
  const auto from = f.cursor();
  REQUIRE(f.sessions.delete_user(ada, {f.seconds() + 1, f.seconds() + 600}).ok());
  CHECK_FALSE(f.store->users().find_by_id(ada).value().has_value());
  CHECK(f.sessions.owner_of(hash).value() == std::nullopt);
  CHECK(f.sessions.cutoff_of(ada).value() == f.seconds() + 1);
  const auto events = f.events_after(from);
  REQUIRE(events.size() == 2);
  CHECK(std::get<UserCutoff>(events[0]).user_id == ada);
  CHECK(std::get<UserDeleted>(events[1]).user_id == ada);
  const auto snapshot = f.log.snapshot(f.seconds(), 30s).value();
  CHECK(std::count_if(snapshot.events.begin(), snapshot.events.end(), [&](const auto& event) {
          const auto* deleted = std::get_if<UserDeleted>(&event);
          return deleted && deleted->user_id == ada;
        }) == 1);
}

TEST_CASE("contract: pruning drops what expired and old events, an older cursor is gone",
          "[contract][sessions][feed]") {
  Fixture f;
  const auto ada = f.add_user();
  const auto hash = f.start(ada, unique("p"));
  const auto from = f.cursor();
  REQUIRE(f.sessions.revoke_token({unique("p1"), ada, f.seconds() + 60}).ok());
  REQUIRE(f.sessions.revoke_token({unique("p2"), ada, f.seconds() + 60}).ok());
  CHECK(f.log.after(from + 3, 10).value() == std::nullopt);  // from the future

  const auto later = f.store->now() + 48h;
  const auto pruned = f.sessions.prune(later, 30s, 24h);
  REQUIRE(pruned.ok());
  CHECK(pruned->events == 1);  // the newest stays: it anchors the cursor
  CHECK(pruned->rows >= 3);    // the refresh token, its chain, the revocations
  CHECK(f.sessions.owner_of(hash).value() == std::nullopt);
  CHECK(f.log.after(from, 10).value() == std::nullopt);
  const auto page = f.log.after(from + 1, 10).value();
  REQUIRE(page.has_value());
  CHECK(page->events.size() == 1);
  CHECK(std::stoll(page->cursor) == from + 2);
}
