#pragma once
#include <string>

#include "auth/domain/ports/password_hasher.hpp"
#include "auth/domain/ports/user_repository.hpp"
#include "auth/domain/user.hpp"
#include "shared/result.hpp"

namespace auth::app {

struct SignUpCommand {
  std::string email;     // as typed
  std::string password;  // as typed; never logged
};

// Registers a user: validates both fields (all violations at once, located
// at {"email"} / {"password"}), refuses a taken email (kAlreadyExists, in any
// letter case), hashes the password and stores the user.
class SignUp {
 public:
  SignUp(domain::UserRepository& users, domain::PasswordHasher& hasher);
  [[nodiscard]] shared::Result<domain::User> execute(const SignUpCommand& command) const;

 private:
  domain::UserRepository& users_;
  domain::PasswordHasher& hasher_;
};

}  // namespace auth::app
