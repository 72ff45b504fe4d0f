#pragma once
#include <chrono>
#include <string>

#include "auth/app/authenticate.hpp"
#include "auth/app/local_revocations.hpp"
#include "auth/domain/ports/session_store.hpp"
#include "shared/result.hpp"
#include "shared/time/clock.hpp"

namespace auth::app {

struct LogOutEverywhereCommand {
  std::string access_token;
};

// Revokes every access and refresh token of the bearer's user issued until now.
class LogOutEverywhere {
 public:
  LogOutEverywhere(const Authenticate& authenticate, domain::SessionStore& sessions,
                   LocalRevocations& revocations, const shared::time::Clock& clock,
                   std::chrono::seconds access_lifetime);
  [[nodiscard]] shared::Result<void> execute(const LogOutEverywhereCommand& command) const;

 private:
  const Authenticate& authenticate_;
  domain::SessionStore& sessions_;
  LocalRevocations& revocations_;
  const shared::time::Clock& clock_;
  std::chrono::seconds access_lifetime_;
};

}  // namespace auth::app
