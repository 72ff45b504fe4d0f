#pragma once
#include <chrono>
#include <optional>
#include <string>

#include "auth/app/authenticate.hpp"
#include "auth/app/local_revocations.hpp"
#include "auth/domain/ports/refresh_token_generator.hpp"
#include "auth/domain/ports/session_store.hpp"
#include "shared/result.hpp"
#include "shared/time/clock.hpp"

namespace auth::app {

struct LogOutCommand {
  std::string access_token;                  // the bearer token; never logged
  std::optional<std::string> refresh_token;  // from the body, when sent
};

// Revokes the presented access token and, when a refresh token of the same
// user is sent too, its chain. A token without `jti` (minted elsewhere)
// cannot be named alone: its user's tokens are cut off instead.
class LogOut {
 public:
  LogOut(const Authenticate& authenticate, domain::SessionStore& sessions,
         const domain::RefreshTokenGenerator& refresh_tokens, LocalRevocations& revocations,
         const shared::time::Clock& clock, std::chrono::seconds access_lifetime);
  [[nodiscard]] shared::Result<void> execute(const LogOutCommand& command) const;

 private:
  const Authenticate& authenticate_;
  domain::SessionStore& sessions_;
  const domain::RefreshTokenGenerator& refresh_tokens_;
  LocalRevocations& revocations_;
  const shared::time::Clock& clock_;
  std::chrono::seconds access_lifetime_;
};

}  // namespace auth::app
