#pragma once
#include <cstdint>

#include "auth/domain/token.hpp"
#include "auth/domain/user.hpp"
#include "shared/result.hpp"

namespace auth::domain {

// Signs access tokens for a user (claims per the contract: sub, email, iat,
// exp, iss, aud, jti).
class TokenIssuer {
 public:
  virtual ~TokenIssuer() = default;
  // `not_before`: the user's latest cutoff (0: none); the token's `iat` is
  // never before it (see cutoff.hpp), so no cutoff revokes a token issued
  // after it.
  virtual shared::Result<IssuedToken> issue(const User& user, std::int64_t not_before) = 0;
};

}  // namespace auth::domain
