#include "auth/app/verify_token.hpp"

namespace auth::app {

VerifyToken::VerifyToken(const Authenticate& authenticate) : authenticate_(authenticate) {}

shared::Result<domain::TokenClaims> VerifyToken::execute(std::string_view token) const {
  return authenticate_.execute(token);
}

}  // namespace auth::app
