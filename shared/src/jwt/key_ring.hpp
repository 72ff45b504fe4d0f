#pragma once
// The secrets a token may be signed with: JWT_SECRET and JWT_PREVIOUS_SECRETS,
// each keyed once, found by `kid` when the token names one.

#include <optional>
#include <string_view>
#include <vector>

#include "shared/config/env.hpp"

#include "hmac_sha256_key.hpp"

namespace shared::jwt::internal {

enum class SignatureCheck { kValid, kInvalid, kUnknownKey };

class KeyRing {
 public:
  explicit KeyRing(const config::JwtSettings& settings);

  // With a kid, only the secret whose key_id_for() equals it is tried (none
  // → kUnknownKey); without one, every secret is tried.
  SignatureCheck check(std::optional<std::string_view> kid, std::string_view signing_input,
                       std::string_view mac) const;

 private:
  std::vector<HmacSha256Key> keys_;  // current secret first
};

}  // namespace shared::jwt::internal
