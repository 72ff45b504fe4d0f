#include "auth/app/get_current_user.hpp"

namespace auth::app {

GetCurrentUser::GetCurrentUser(const Authenticate& authenticate, domain::UserRepository& users)
    : authenticate_(authenticate), users_(users) {}

shared::Result<domain::User> GetCurrentUser::execute(std::string_view token) const {
  auto claims = authenticate_.execute(token);
  if (!claims) return claims.error();
  auto user = users_.find_by_id(claims->subject);
  if (!user) return user.error();
  if (!user->has_value()) return shared::Error::invalid_token(kUserGone);
  return std::move(**user);
}

}  // namespace auth::app
