#pragma once
#include <string_view>

#include "auth/domain/token.hpp"
#include "shared/result.hpp"

namespace auth::domain {

// Checks a bearer token against every rule of the contract. kInvalidToken
// with a short reason, safe to show the client, when it is rejected.
class TokenVerifier {
 public:
  virtual ~TokenVerifier() = default;
  virtual shared::Result<TokenClaims> verify(std::string_view token) const = 0;
};

}  // namespace auth::domain
