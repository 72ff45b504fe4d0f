#pragma once
// Why a token was rejected: short reasons that are safe to show a client
// (they say which rule failed, never a secret or the token itself).

#include "shared/result.hpp"

namespace shared::jwt::internal {

inline constexpr const char* kTokenTooLarge = "Token too large";
inline constexpr const char* kMalformedToken = "Malformed token";
inline constexpr const char* kUnsupportedAlgorithm = "Unsupported token algorithm";
inline constexpr const char* kUnknownKey = "Unknown token key";
inline constexpr const char* kBadSignature = "Invalid token signature";
inline constexpr const char* kBadClaims = "Invalid token claims";
inline constexpr const char* kExpired = "Token expired";
inline constexpr const char* kNotYetValid = "Token not yet valid";
inline constexpr const char* kWrongIssuer = "Invalid token issuer";
inline constexpr const char* kWrongAudience = "Invalid token audience";
inline constexpr const char* kBadSubject = "Invalid token subject";
inline constexpr const char* kInvalidToken = "Invalid token";

inline Error rejected(const char* reason) {
  return Error::invalid_token(reason);
}

}  // namespace shared::jwt::internal
