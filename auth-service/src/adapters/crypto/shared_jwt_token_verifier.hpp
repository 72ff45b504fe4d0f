#pragma once
// TokenVerifier backed by the shared verifier (shared/jwt), the same code
// task-service uses, so both services accept exactly the same tokens.

#include "auth/domain/ports/token_verifier.hpp"
#include "shared/jwt/jwt_verifier.hpp"

namespace auth::adapters::crypto {

class SharedJwtTokenVerifier final : public domain::TokenVerifier {
 public:
  explicit SharedJwtTokenVerifier(shared::config::JwtSettings settings)
      : verifier_(std::move(settings)) {}

  shared::Result<domain::TokenClaims> verify(std::string_view token) const override {
    auto verified = verifier_.verify(token);
    if (!verified) return verified.error();
    return domain::TokenClaims{std::move(verified->subject), std::move(verified->email),
                               verified->expires_at, std::move(verified->id), verified->issued_at};
  }

 private:
  shared::jwt::JwtVerifier verifier_;
};

}  // namespace auth::adapters::crypto
