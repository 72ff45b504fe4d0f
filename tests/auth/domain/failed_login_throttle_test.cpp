#include "auth/domain/failed_login_throttle.hpp"

#include <catch2/catch.hpp>

#include "auth/adapters/memory/in_memory_attempt_counters.hpp"
#include "auth/app/fakes.hpp"

using auth::domain::FailedLoginThrottle;
using auth::domain::LoginLimits;
using namespace std::chrono_literals;

namespace {
struct Fixture {
  explicit Fixture(LoginLimits limits) : throttle(counters, limits, clock) {}
  auth::testing::FakeClock clock;
  auth::adapters::memory::InMemoryAttemptCounters counters;
  FailedLoginThrottle throttle;

  std::optional<std::chrono::seconds> blocked(const std::string& email, const std::string& client) {
    auto wait = throttle.blocked_for(email, client);
    REQUIRE(wait.ok());
    return *wait;
  }
  void fail(const std::string& email, const std::string& client) {
    REQUIRE(throttle.record_failure(email, client).ok());
  }
};
}  // namespace

TEST_CASE("an email is blocked after max failures until its window ends", "[unit][throttle]") {
  Fixture f(LoginLimits{3, 100, 60s});
  f.fail("a@x.io", "10.0.0.1");
  f.clock.advance(10s);
  f.fail("a@x.io", "10.0.0.2");
  f.fail("a@x.io", "10.0.0.3");
  CHECK(f.blocked("a@x.io", "10.0.0.9") == 50s);
  CHECK_FALSE(f.blocked("b@x.io", "10.0.0.1"));
  f.clock.advance(49s);
  CHECK(f.blocked("a@x.io", "10.0.0.9") == 1s);
  f.clock.advance(1s);
  CHECK_FALSE(f.blocked("a@x.io", "10.0.0.9"));
}

TEST_CASE("a client is blocked after max failures across emails", "[unit][throttle]") {
  Fixture f(LoginLimits{100, 2, 60s});
  f.fail("a@x.io", "10.0.0.1");
  f.fail("b@x.io", "10.0.0.1");
  CHECK(f.blocked("c@x.io", "10.0.0.1") == 60s);
  CHECK_FALSE(f.blocked("c@x.io", "10.0.0.2"));
}

TEST_CASE("clearing an email resets its count but not the client's", "[unit][throttle]") {
  Fixture f(LoginLimits{2, 2, 60s});
  f.fail("a@x.io", "c1");
  f.fail("a@x.io", "c2");
  REQUIRE(f.blocked("a@x.io", "c3"));
  REQUIRE(f.throttle.clear("a@x.io").ok());
  CHECK_FALSE(f.blocked("a@x.io", "c3"));
  f.fail("z@x.io", "c1");
  CHECK(f.blocked("a@x.io", "c1"));
}

TEST_CASE("spellings of one account share its counter: letter case, blanks, the Kelvin sign",
          "[unit][throttle]") {
  Fixture f(LoginLimits{3, 100, 60s});
  f.fail("Mike@Example.com", "c1");
  f.fail(" mike@example.com ", "c2");
  f.fail("mi\u212Ae@example.com", "c3");  // U+212A KELVIN SIGN
  CHECK(f.blocked("mike@example.com", "c4") == 60s);
}

TEST_CASE("an IPv6 client is counted by its /64", "[unit][throttle]") {
  Fixture f(LoginLimits{100, 2, 60s});
  f.fail("a@x.io", "2001:db8:1:2::1");
  f.fail("b@x.io", "2001:db8:1:2:ffff:ffff:ffff:ffff");
  CHECK(f.blocked("c@x.io", "2001:db8:1:2::abcd"));
  CHECK_FALSE(f.blocked("c@x.io", "2001:db8:1:3::1"));
}

TEST_CASE("an address that cannot be an account counts for the client only", "[unit][throttle]") {
  Fixture f(LoginLimits{1, 100, 60s});
  const std::string invented(60000, 'a');
  f.fail(invented, "c1");
  f.fail("not-an-email", "c1");
  CHECK_FALSE(f.blocked(invented, "c2"));
  CHECK(f.counters.prune(f.clock.now() + 61s).value() == 1);  // the client's window alone
}
