#pragma once
// Commands for the auth use cases, built from plain strings.

#include <string_view>

#include "auth/app/sign_up.hpp"
#include "auth/domain/new_account.hpp"

namespace auth::testing {

// A sign-up of input that passes NewAccount's rules (tests of those rules
// are the domain's).
inline app::SignUpCommand sign_up_command(std::string_view email, std::string_view password) {
  return {domain::NewAccount::from(email, password).value()};
}

}  // namespace auth::testing
