#include "auth/domain/sign_up_limit.hpp"

#include <catch2/catch.hpp>

#include "auth/adapters/memory/in_memory_attempt_counters.hpp"
#include "auth/app/fakes.hpp"

using namespace std::chrono_literals;

TEST_CASE("sign-ups beyond the limit per client wait for the window's end", "[unit][limits]") {
  auth::testing::FakeClock clock;
  auth::adapters::memory::InMemoryAttemptCounters counters;
  auth::domain::SignUpLimit limit(counters, {2, 3600s}, clock);
  CHECK_FALSE(limit.take("198.51.100.1").value());
  clock.advance(600s);
  CHECK_FALSE(limit.take("198.51.100.1").value());
  CHECK(limit.take("198.51.100.1").value() == 3000s);
  CHECK_FALSE(limit.take("198.51.100.2").value());  // another client
  clock.advance(3000s);
  CHECK_FALSE(limit.take("198.51.100.1").value());  // a new window
}
