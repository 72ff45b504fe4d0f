#pragma once
#include <chrono>
#include <string>

#include "auth/app/confirm_password.hpp"
#include "auth/app/local_revocations.hpp"
#include "auth/app/session_issuer.hpp"
#include "auth/domain/plain_password.hpp"
#include "auth/domain/ports/password_hasher.hpp"
#include "auth/domain/ports/session_store.hpp"
#include "auth/domain/session.hpp"
#include "shared/result.hpp"
#include "shared/time/clock.hpp"

namespace auth::app {

struct ChangePasswordCommand {
  std::string access_token;
  std::string current_password;  // as typed
  domain::PlainPassword new_password;
  std::string client_address;
};

// Sets a new password after confirming the current one, revokes every token
// of the user issued until now, and starts a fresh session (its tokens are
// dated after the cutoff, so they live).
class ChangePassword {
 public:
  ChangePassword(const ConfirmPassword& confirm, domain::PasswordHasher& hasher,
                 domain::SessionStore& sessions, const SessionIssuer& issuer,
                 LocalRevocations& revocations, const shared::time::Clock& clock,
                 std::chrono::seconds access_lifetime);
  [[nodiscard]] shared::Result<domain::Session> execute(const ChangePasswordCommand& command) const;

 private:
  const ConfirmPassword& confirm_;
  domain::PasswordHasher& hasher_;
  domain::SessionStore& sessions_;
  const SessionIssuer& issuer_;
  LocalRevocations& revocations_;
  const shared::time::Clock& clock_;
  std::chrono::seconds access_lifetime_;
};

}  // namespace auth::app
