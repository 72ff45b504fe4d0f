#include "auth/app/verify_token.hpp"

namespace auth::app {

VerifyToken::VerifyToken(const domain::TokenVerifier& verifier) : verifier_(verifier) {}

shared::Result<domain::TokenClaims> VerifyToken::execute(std::string_view token) const {
  return verifier_.verify(token);
}

}  // namespace auth::app
