#pragma once
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

namespace auth::domain {

// A freshly signed access token. Never log `access_token`.
struct IssuedToken {
  std::string access_token;
  std::chrono::seconds expires_in{0};
  std::string id;               // its `jti`, by which it can be revoked
  std::int64_t issued_at = 0;   // `iat`, seconds since the epoch
  std::int64_t expires_at = 0;  // `exp`
};

// What a verified token says about its bearer.
struct TokenClaims {
  std::string subject;                    // the user id
  std::optional<std::string> email;       // absent in tokens minted without one
  std::int64_t expires_at = 0;            // seconds since the epoch
  std::optional<std::string> id;          // `jti`, when the token has one
  std::optional<std::int64_t> issued_at;  // `iat`, when the token has one
};

}  // namespace auth::domain
