#include "auth/domain/failed_login_throttle.hpp"

#include <catch2/catch.hpp>

#include "auth/app/fakes.hpp"

using auth::domain::FailedLoginThrottle;
using auth::domain::LoginLimits;
using namespace std::chrono_literals;

TEST_CASE("an email is blocked after max failures until the oldest leaves the window",
          "[unit][throttle]") {
  auth::testing::FakeClock clock;
  FailedLoginThrottle throttle(LoginLimits{3, 100, 60s}, clock);
  throttle.record_failure("a@x.io", "10.0.0.1");
  clock.advance(10s);
  throttle.record_failure("a@x.io", "10.0.0.2");
  throttle.record_failure("a@x.io", "10.0.0.3");
  CHECK(throttle.blocked_for("a@x.io", "10.0.0.9") == 50s);
  CHECK_FALSE(throttle.blocked_for("b@x.io", "10.0.0.1"));
  clock.advance(49s);
  CHECK(throttle.blocked_for("a@x.io", "10.0.0.9") == 1s);
  clock.advance(1s);
  CHECK_FALSE(throttle.blocked_for("a@x.io", "10.0.0.9"));
}

TEST_CASE("a client is blocked after max failures across emails", "[unit][throttle]") {
  auth::testing::FakeClock clock;
  FailedLoginThrottle throttle(LoginLimits{100, 2, 60s}, clock);
  throttle.record_failure("a@x.io", "10.0.0.1");
  throttle.record_failure("b@x.io", "10.0.0.1");
  CHECK(throttle.blocked_for("c@x.io", "10.0.0.1") == 60s);
  CHECK_FALSE(throttle.blocked_for("c@x.io", "10.0.0.2"));
}

TEST_CASE("clearing an email resets its count but not the client's", "[unit][throttle]") {
  auth::testing::FakeClock clock;
  FailedLoginThrottle throttle(LoginLimits{2, 2, 60s}, clock);
  throttle.record_failure("a@x.io", "c1");
  throttle.record_failure("a@x.io", "c2");
  REQUIRE(throttle.blocked_for("a@x.io", "c3"));
  throttle.clear("a@x.io");
  CHECK_FALSE(throttle.blocked_for("a@x.io", "c3"));
  throttle.record_failure("z@x.io", "c1");
  CHECK(throttle.blocked_for("a@x.io", "c1"));
}
