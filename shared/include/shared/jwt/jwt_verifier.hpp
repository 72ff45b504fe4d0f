#pragma once
// The HS256 token verifier every service uses (auth-service for /auth/me and
// /auth/verify, task-service for every /api call). It enforces every rule of
// the contract (docs/api.md, "The token"):
//   alg exactly HS256; signature (constant-time) against JWT_SECRET or any of
//   JWT_PREVIOUS_SECRETS (the one named by `kid` when present); `exp` present,
//   numeric, in the future (leeway); `nbf`/`iat` not in the future beyond the
//   leeway; `iss`/`aud` when configured; `sub` a non-empty string; ≤ 8 KiB.

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "shared/config/env.hpp"
#include "shared/result.hpp"
#include "shared/time/clock.hpp"

namespace shared::jwt {

inline constexpr std::size_t kMaxTokenBytes = 8192;

struct VerifiedToken {
  std::string subject;                    // `sub`
  std::optional<std::string> email;       // `email`, when present and a string
  std::int64_t expires_at = 0;            // `exp`, seconds since the epoch
  std::optional<std::string> id;          // `jti`, when present and a string
  std::optional<std::int64_t> issued_at;  // `iat`, whole seconds, when present
};

namespace internal {
class KeyRing;  // the secrets, prepared once for fast HMAC (src/jwt/key_ring.hpp)
}

class JwtVerifier {
 public:
  // Throws std::invalid_argument when the secret or a previous secret is
  // shorter than 32 bytes (load_jwt_settings never yields one): an empty or
  // short HMAC key would let anyone mint tokens, so this is not left to callers.
  // `clock` must outlive the verifier.
  explicit JwtVerifier(config::JwtSettings settings,
                       const time::Clock& clock = time::system_clock());

  // kInvalidToken with a short reason (safe to show to the client) when
  // the token is rejected; never throws. Thread-safe: one verifier may serve
  // every HTTP thread.
  Result<VerifiedToken> verify(std::string_view token) const;

 private:
  config::JwtSettings settings_;
  const time::Clock* clock_;
  std::shared_ptr<const internal::KeyRing> keys_;
};

// The `kid` that names a secret: the first 16 lowercase hex digits of
// SHA-256(secret).
// Issuer and verifier both use it, so rotation can pick the right key.
std::string key_id_for(std::string_view secret);

}  // namespace shared::jwt
