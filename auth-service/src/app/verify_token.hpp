#pragma once
#include <string_view>

#include "auth/domain/ports/token_verifier.hpp"
#include "auth/domain/token.hpp"
#include "shared/result.hpp"

namespace auth::app {

// Forward-auth: what a token says, checked by signature and claims alone.
// Deliberately no repository: it must stay cheap enough for a reverse proxy
// to call on every request.
class VerifyToken {
 public:
  explicit VerifyToken(const domain::TokenVerifier& verifier);
  [[nodiscard]] shared::Result<domain::TokenClaims> execute(std::string_view token) const;

 private:
  const domain::TokenVerifier& verifier_;
};

}  // namespace auth::app
