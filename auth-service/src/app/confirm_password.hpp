#pragma once
// "Type your password again" before a sensitive change (password change,
// account deletion): the bearer's user, if the password is theirs. A wrong
// password is a failed login for the limits, and a blocked email or client
// is refused before any bcrypt work.

#include <string>
#include <string_view>

#include "auth/app/authenticate.hpp"
#include "auth/domain/failed_login_throttle.hpp"
#include "auth/domain/ports/password_hasher.hpp"
#include "auth/domain/ports/user_repository.hpp"
#include "auth/domain/user.hpp"
#include "shared/result.hpp"

namespace auth::app {

inline constexpr const char* kIncorrectPassword = "Incorrect password";

class ConfirmPassword {
 public:
  ConfirmPassword(const Authenticate& authenticate, domain::UserRepository& users,
                  domain::PasswordHasher& hasher, domain::FailedLoginThrottle& throttle);

  // kInvalidToken (token rejected or user gone), kRateLimited, or
  // kPermissionDenied kIncorrectPassword.
  [[nodiscard]] shared::Result<domain::User> execute(std::string_view access_token,
                                                     std::string_view password,
                                                     const std::string& client_address) const;

 private:
  const Authenticate& authenticate_;
  domain::UserRepository& users_;
  domain::PasswordHasher& hasher_;
  domain::FailedLoginThrottle& throttle_;
};

}  // namespace auth::app
