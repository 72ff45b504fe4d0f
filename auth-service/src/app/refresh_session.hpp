#pragma once
#include <string>

#include "auth/app/local_revocations.hpp"
#include "auth/app/session_issuer.hpp"
#include "auth/domain/failed_login_throttle.hpp"
#include "auth/domain/ports/refresh_token_generator.hpp"
#include "auth/domain/ports/session_store.hpp"
#include "auth/domain/ports/user_repository.hpp"
#include "auth/domain/session.hpp"
#include "shared/result.hpp"

namespace auth::app {

struct RefreshSessionCommand {
  std::string refresh_token;   // as presented; never logged
  std::string client_address;  // for the failure count
};

inline constexpr const char* kInvalidRefreshToken = "Invalid refresh token";

// Exchanges a refresh token for the next session of its chain; the token is
// spent. One answer (kUnauthenticated kInvalidRefreshToken) for a token
// that is unknown, expired, revoked or spent, and each counts as a failed
// login for the client (and the owner's email when known). A spent token
// presented again revokes its whole chain first. kRateLimited when the
// client or the owner's email is blocked, decided before anything is spent.
class RefreshSession {
 public:
  RefreshSession(domain::UserRepository& users, domain::SessionStore& sessions,
                 const domain::RefreshTokenGenerator& refresh_tokens, const SessionIssuer& issuer,
                 domain::FailedLoginThrottle& throttle, LocalRevocations& revocations,
                 const shared::time::Clock& clock);
  [[nodiscard]] shared::Result<domain::Session> execute(const RefreshSessionCommand& command) const;

 private:
  shared::Error refuse(const std::optional<domain::User>& owner, const std::string& client) const;

  domain::UserRepository& users_;
  domain::SessionStore& sessions_;
  const domain::RefreshTokenGenerator& refresh_tokens_;
  const SessionIssuer& issuer_;
  domain::FailedLoginThrottle& throttle_;
  LocalRevocations& revocations_;
  const shared::time::Clock& clock_;
};

}  // namespace auth::app
