#pragma once
// The one way a typed password is checked against a user (login, password
// change, account deletion): always one bcrypt-priced check, so a missing
// user and a wrong password take as long; a password bcrypt cannot take
// whole (> 72 bytes) never matches, because bcrypt would silently use only
// its first 72 bytes.

#include <optional>
#include <string_view>

#include "auth/domain/ports/password_hasher.hpp"
#include "auth/domain/user.hpp"

namespace auth::app {

bool password_matches(domain::PasswordHasher& hasher, std::string_view password,
                      const std::optional<domain::User>& user);

}  // namespace auth::app
