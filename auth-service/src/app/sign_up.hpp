#pragma once
#include <string>

#include "auth/domain/new_account.hpp"
#include "auth/domain/ports/password_hasher.hpp"
#include "auth/domain/ports/user_repository.hpp"
#include "auth/domain/sign_up_limit.hpp"
#include "auth/domain/user.hpp"
#include "shared/result.hpp"

namespace auth::app {

struct SignUpCommand {
  domain::NewAccount account;
  std::string client_address;  // for the per-client sign-up limit
};

inline constexpr const char* kTooManySignUps =
    "Too many sign-ups from this address, try again later";

// Registers a user: counts the sign-up against its client's limit
// (kRateLimited with retry_after beyond it, before any bcrypt), refuses a
// taken email (kAlreadyExists, in any letter case), hashes the password and
// stores the user.
class SignUp {
 public:
  SignUp(domain::UserRepository& users, domain::PasswordHasher& hasher, domain::SignUpLimit& limit);
  [[nodiscard]] shared::Result<domain::User> execute(const SignUpCommand& command) const;

 private:
  domain::UserRepository& users_;
  domain::PasswordHasher& hasher_;
  domain::SignUpLimit& limit_;
};

}  // namespace auth::app
