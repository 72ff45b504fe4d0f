#pragma once
#include <string_view>

#include "auth/app/authenticate.hpp"
#include "auth/domain/token.hpp"
#include "shared/result.hpp"

namespace auth::app {

// Forward-auth: what a token says, checked by signature, claims and the
// in-memory revocation set. Deliberately no repository: it must stay cheap
// enough for a reverse proxy to call on every request.
class VerifyToken {
 public:
  explicit VerifyToken(const Authenticate& authenticate);
  [[nodiscard]] shared::Result<domain::TokenClaims> execute(std::string_view token) const;

 private:
  const Authenticate& authenticate_;
};

}  // namespace auth::app
