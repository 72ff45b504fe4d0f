#pragma once
// Cutoff arithmetic: "every token of this user issued until now is revoked".
// Tokens carry `iat` in whole seconds, so tokens issued earlier in the same
// second as the cutoff cannot be told from later ones by `iat` alone. The
// rule: a cutoff made at time t has not_before = floor(t) + 1 and revokes
// every token with iat < not_before, i.e. everything issued up to the end of
// that second; a token issued after it, still in that second, is dated
// iat = not_before, and its issuer waits for that second to begin before
// handing it out (at most 1 s, and only right after that user's cutoff), so
// no token is ever dated in the future, whatever a verifier's leeway.

#include <chrono>
#include <cstdint>

#include "shared/time/timestamp.hpp"

namespace auth::domain {

struct Cutoff {
  std::int64_t not_before = 0;  // tokens with iat < not_before are revoked
  std::int64_t expires_at = 0;  // by then every token it revokes has expired
};

// The cutoff for "everything issued until `now`", given how long an access
// token lives.
Cutoff cutoff_at(shared::time::Timestamp now, std::chrono::seconds access_token_lifetime);

// The `iat` for a token issued at `now` to a user whose latest cutoff is
// `not_before` (0: none).
std::int64_t issue_time(shared::time::Timestamp now, std::int64_t not_before);

}  // namespace auth::domain
