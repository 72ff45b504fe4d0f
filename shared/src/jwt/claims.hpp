#pragma once
// The payload rules of the contract, checked on a token whose signature is
// already verified.

#include <string_view>

#include <nlohmann/json.hpp>

#include "shared/jwt/jwt_verifier.hpp"

namespace shared::jwt::internal {

struct ClaimRules {
  std::string_view issuer;    // empty: `iss` not checked
  std::string_view audience;  // empty: `aud` not checked
  double leeway_seconds = 0;
};

// `exp` required and a finite number, now < exp + leeway; `nbf`/`iat` when
// present finite numbers ≤ now + leeway; `iss` equal to the issuer; `aud`
// equal to the audience or an array containing it; `sub` a non-empty string.
Result<VerifiedToken> check_claims(const nlohmann::json& claims, const ClaimRules& rules,
                                   double now_seconds);

}  // namespace shared::jwt::internal
