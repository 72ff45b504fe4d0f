#include "auth/app/authenticate.hpp"

namespace auth::app {

Authenticate::Authenticate(const domain::TokenVerifier& verifier,
                           const LocalRevocations& revocations)
    : verifier_(verifier), revocations_(revocations) {}

shared::Result<domain::TokenClaims> Authenticate::execute(std::string_view token) const {
  auto claims = verifier_.verify(token);
  if (!claims) return claims.error();
  if (revocations_.is_revoked(*claims)) return shared::Error::invalid_token(kTokenRevoked);
  return claims;
}

}  // namespace auth::app
