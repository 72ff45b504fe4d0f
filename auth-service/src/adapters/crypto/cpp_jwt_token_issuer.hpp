#pragma once
// TokenIssuer with cpp-jwt: HS256, header {"alg":"HS256","typ":"JWT"} plus
// "kid" when rotation is configured, claims sub, email, iat, exp, iss, aud
// (each of iss/aud only when configured non-empty) and a random 128-bit jti.
//
// cpp-jwt is used only to encode and sign here; verification goes through the
// shared verifier (shared/jwt), which does not have cpp-jwt's decode caveats.

#include <chrono>
#include <optional>
#include <string>

#include "auth/domain/ports/token_issuer.hpp"
#include "shared/time/clock.hpp"

namespace auth::adapters::crypto {

struct TokenIssuerSettings {
  std::string secret;  // ≥ 32 bytes, checked by the configuration
  std::string issuer;
  std::string audience;
  std::chrono::seconds lifetime{604800};
  std::optional<std::string> key_id;  // set when previous secrets exist
};

class CppJwtTokenIssuer final : public domain::TokenIssuer {
 public:
  CppJwtTokenIssuer(TokenIssuerSettings settings, const shared::time::Clock& clock);
  shared::Result<domain::IssuedToken> issue(const domain::User& user,
                                            std::int64_t not_before) override;

 private:
  const TokenIssuerSettings settings_;
  const shared::time::Clock& clock_;
};

}  // namespace auth::adapters::crypto
