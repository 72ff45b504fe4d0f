#pragma once
// TokenVerifier on the shared HS256 verifier (shared/jwt): the same rules as
// auth-service, checked locally with the shared secret, and then the
// revocations task-service follows from auth-service's feed (app's
// RevocationGate): a logged-out token is refused here too, without a call
// to auth-service.

#include "shared/jwt/jwt_verifier.hpp"
#include "task/app/revocation_gate.hpp"
#include "task/domain/ports/token_verifier.hpp"

namespace task::adapters::jwt {

class SharedJwtTokenVerifier final : public domain::TokenVerifier {
 public:
  // `gate` must outlive the verifier. `clock` is the verifier's "now".
  SharedJwtTokenVerifier(shared::config::JwtSettings settings, const app::RevocationGate& gate,
                         const shared::time::Clock& clock = shared::time::system_clock())
      : verifier_(std::move(settings), clock), gate_(gate) {}

  // Also rejects a valid signature whose `sub` is not a user id (a UUID):
  // such a token was not issued by auth-service for a user. The revocation
  // check comes last, so a forged token never costs a lookup.
  shared::Result<domain::UserId> verify(std::string_view token) const override;

 private:
  shared::jwt::JwtVerifier verifier_;
  const app::RevocationGate& gate_;
};

}  // namespace task::adapters::jwt
