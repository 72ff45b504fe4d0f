#include "auth/app/confirm_password.hpp"

#include "auth/app/get_current_user.hpp"
#include "auth/app/log_in.hpp"
#include "auth/app/password_check.hpp"

namespace auth::app {

ConfirmPassword::ConfirmPassword(const Authenticate& authenticate, domain::UserRepository& users,
                                 domain::PasswordHasher& hasher,
                                 domain::FailedLoginThrottle& throttle)
    : authenticate_(authenticate), users_(users), hasher_(hasher), throttle_(throttle) {}

shared::Result<domain::User> ConfirmPassword::execute(std::string_view access_token,
                                                      std::string_view password,
                                                      const std::string& client_address) const {
  const auto claims = authenticate_.execute(access_token);
  if (!claims) return claims.error();
  auto user = users_.find_by_id(claims->subject);
  if (!user) return user.error();
  if (!*user) return shared::Error::invalid_token(kUserGone);
  const auto& email = (*user)->email.value();
  if (auto refused = refused_by_limits(throttle_, email, client_address)) return *refused;
  if (!password_matches(hasher_, password, *user)) {
    return counted_failure(throttle_, email, client_address,
                           shared::Error::permission_denied(kIncorrectPassword));
  }
  return std::move(**user);
}

}  // namespace auth::app
