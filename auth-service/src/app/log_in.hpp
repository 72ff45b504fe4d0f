#pragma once
#include <string>

#include "auth/app/login_throttling.hpp"
#include "auth/app/session_issuer.hpp"
#include "auth/domain/failed_login_throttle.hpp"
#include "auth/domain/ports/password_hasher.hpp"
#include "auth/domain/ports/user_repository.hpp"
#include "auth/domain/session.hpp"
#include "shared/result.hpp"

namespace auth::app {

struct LogInCommand {
  std::string email;           // as typed
  std::string password;        // as typed; never logged
  std::string client_address;  // for the per-client failure count
};

inline constexpr const char* kBadCredentials = "Incorrect email or password";

// Exchanges credentials for a session (an access and a refresh token).
// - kRateLimited (with retry_after) when the email or the client has too many
//   recent failures; checked first, so a blocked attacker costs no bcrypt.
// - kUnauthenticated kBadCredentials for an unknown email, a wrong password,
//   or a password bcrypt cannot take whole (> 72 bytes): always after one
//   bcrypt-priced check, so all three look alike from outside. Each counts as
//   a failure for the email and the client.
// - On success the email's failure count is cleared, and a hash made at
//   another cost than BCRYPT_COST is replaced by one at that cost.
class LogIn {
 public:
  LogIn(domain::UserRepository& users, domain::PasswordHasher& hasher,
        const SessionIssuer& sessions, domain::FailedLoginThrottle& throttle);
  [[nodiscard]] shared::Result<domain::Session> execute(const LogInCommand& command) const;

 private:
  [[nodiscard]] shared::Result<bool> credentials_match(const std::string& email,
                                                       const std::string& password,
                                                       std::optional<domain::User>& user) const;
  void rehash_if_needed(const domain::User& user, const std::string& password) const;

  domain::UserRepository& users_;
  domain::PasswordHasher& hasher_;
  const SessionIssuer& sessions_;
  domain::FailedLoginThrottle& throttle_;
};

}  // namespace auth::app
