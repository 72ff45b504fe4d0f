#pragma once
// Commands for the auth use cases, built from plain strings.

#include <atomic>
#include <string>
#include <string_view>

#include "auth/app/sign_up.hpp"
#include "auth/domain/new_account.hpp"

namespace auth::testing {

// A sign-up of input that passes NewAccount's rules (tests of those rules
// are the domain's), from `client`; by default a new client each time, so no
// test meets the sign-up limit by accident.
inline app::SignUpCommand sign_up_command(std::string_view email, std::string_view password,
                                          std::string client = {}) {
  static std::atomic<unsigned> clients{0};
  if (client.empty()) {
    const unsigned n = ++clients;
    client = "10.1." + std::to_string(n / 256 % 256) + "." + std::to_string(n % 256);
  }
  return {domain::NewAccount::from(email, password).value(), std::move(client)};
}

}  // namespace auth::testing
