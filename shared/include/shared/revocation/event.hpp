#pragma once
// What the revocation feed says (docs/api.md, "Sessions"): every revocation is
// one of three events, so a follower that knows these three never accepts a
// revoked token. Times are whole seconds since the epoch.

#include <cstdint>
#include <string>
#include <variant>

namespace shared::revocation {

// One access token, named by its `jti`, is revoked until it expires.
struct TokenRevoked {
  std::string jti;
  std::string user_id;
  std::int64_t expires_at = 0;  // the token's `exp`; after it the entry is useless
};

// Every token of the user whose `iat` is before `not_before` is revoked.
// `expires_at` (ours, informational in the contract) is when the last token
// it can revoke expires; 0 when the sender does not say, and then the cutoff
// is kept for as long as the follower runs.
struct UserCutoff {
  std::string user_id;
  std::int64_t not_before = 0;
  std::int64_t expires_at = 0;
};

// The account is gone: its data goes too. Its tokens are revoked by the
// UserCutoff that auth-service sends with it.
struct UserDeleted {
  std::string user_id;
};

using Event = std::variant<TokenRevoked, UserCutoff, UserDeleted>;

}  // namespace shared::revocation
