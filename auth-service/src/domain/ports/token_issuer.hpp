#pragma once
#include "auth/domain/token.hpp"
#include "auth/domain/user.hpp"
#include "shared/result.hpp"

namespace auth::domain {

// Signs access tokens for a user (claims per the contract: sub, email, iat,
// exp, iss, aud, jti).
class TokenIssuer {
 public:
  virtual ~TokenIssuer() = default;
  virtual shared::Result<IssuedToken> issue(const User& user) = 0;
};

}  // namespace auth::domain
