#pragma once
// A bearer token checked the way every authenticated auth-service endpoint
// needs it: signature and claims (the shared verifier), then revocation.

#include <string_view>

#include "auth/app/local_revocations.hpp"
#include "auth/domain/ports/token_verifier.hpp"
#include "auth/domain/token.hpp"
#include "shared/result.hpp"

namespace auth::app {

class Authenticate {
 public:
  Authenticate(const domain::TokenVerifier& verifier, const LocalRevocations& revocations);
  // kInvalidToken: the verifier's reason, or kTokenRevoked.
  [[nodiscard]] shared::Result<domain::TokenClaims> execute(std::string_view token) const;

 private:
  const domain::TokenVerifier& verifier_;
  const LocalRevocations& revocations_;
};

}  // namespace auth::app
