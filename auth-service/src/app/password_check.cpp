#include "auth/app/password_check.hpp"

#include "auth/domain/plain_password.hpp"

namespace auth::app {

bool password_matches(domain::PasswordHasher& hasher, std::string_view password,
                      const std::optional<domain::User>& user) {
  const bool usable = password.size() <= domain::PlainPassword::kMaxBytes;
  if (!user || !usable) {
    hasher.spend_equivalent_effort(password.substr(0, domain::PlainPassword::kMaxBytes));
    return false;
  }
  return hasher.matches(password, user->password_hash);
}

}  // namespace auth::app
