#include "task/adapters/jwt/shared_jwt_token_verifier.hpp"

namespace task::adapters::jwt {

shared::Result<domain::UserId> SharedJwtTokenVerifier::verify(std::string_view token) const {
  auto verified = verifier_.verify(token);
  if (!verified) return verified.error();
  if (auto user = domain::UserId::parse(verified->subject)) return *user;
  return shared::Error::invalid_token("Invalid token subject");
}

}  // namespace task::adapters::jwt
