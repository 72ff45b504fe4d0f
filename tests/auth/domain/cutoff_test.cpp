#include "auth/domain/cutoff.hpp"

#include <catch2/catch.hpp>

using auth::domain::cutoff_at;
using auth::domain::issue_time;
using shared::time::Timestamp;
using namespace std::chrono_literals;

TEST_CASE("a cutoff revokes the whole second it was made in, and nothing after", "[unit][cutoff]") {
  const Timestamp at(1'800'000'000s + 250ms);
  const auto cutoff = cutoff_at(at, 604800s);
  CHECK(cutoff.not_before == 1'800'000'001);
  // The newest token it revokes (iat 1'800'000'000) expires then.
  CHECK(cutoff.expires_at == 1'800'000'000 + 604800);

  // Issued earlier in the same second: iat < not_before, revoked.
  CHECK(issue_time(Timestamp(1'800'000'000s + 100ms), 0) < cutoff.not_before);
  // Issued later in the same second, after the cutoff: dated after it.
  CHECK(issue_time(Timestamp(1'800'000'000s + 900ms), cutoff.not_before) == cutoff.not_before);
  // A second later the clock is past it anyway.
  CHECK(issue_time(Timestamp(1'800'000'002s), cutoff.not_before) == 1'800'000'002);
}

TEST_CASE("a token is never dated more than one second ahead of the clock", "[unit][cutoff]") {
  const Timestamp now(1'800'000'000s + 999ms);
  const auto cutoff = cutoff_at(now, 3600s);
  CHECK(issue_time(now, cutoff.not_before) - 1'800'000'000 == 1);
  // Within any verifier's leeway (0..60 s) for `iat` in the future.
}
