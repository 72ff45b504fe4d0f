#pragma once
// TokenVerifier on the shared HS256 verifier (shared/jwt): the same rules as
// auth-service, checked locally with the shared secret.

#include "shared/jwt/jwt_verifier.hpp"
#include "task/domain/ports/token_verifier.hpp"

namespace task::adapters::jwt {

class SharedJwtTokenVerifier final : public domain::TokenVerifier {
 public:
  explicit SharedJwtTokenVerifier(shared::config::JwtSettings settings)
      : verifier_(std::move(settings)) {}

  // Also rejects a valid signature whose `sub` is not a user id (a UUID):
  // such a token was not issued by auth-service for a user.
  shared::Result<domain::UserId> verify(std::string_view token) const override;

 private:
  shared::jwt::JwtVerifier verifier_;
};

}  // namespace task::adapters::jwt
