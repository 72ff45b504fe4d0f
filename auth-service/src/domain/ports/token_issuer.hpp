#pragma once
#include "shared/result.hpp"

#include "domain/token.hpp"
#include "domain/user.hpp"

namespace auth::domain {

// Signs access tokens for a user (claims per the contract: sub, email, iat,
// exp, iss, aud, jti).
class TokenIssuer {
 public:
  virtual ~TokenIssuer() = default;
  virtual shared::Result<IssuedToken> issue(const User& user) = 0;
};

}  // namespace auth::domain
