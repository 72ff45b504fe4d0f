#pragma once
#include "auth/domain/new_account.hpp"
#include "auth/domain/ports/password_hasher.hpp"
#include "auth/domain/ports/user_repository.hpp"
#include "auth/domain/user.hpp"
#include "shared/result.hpp"

namespace auth::app {

struct SignUpCommand {
  domain::NewAccount account;
};

// Registers a user: refuses a taken email (kAlreadyExists, in any letter
// case), hashes the password and stores the user.
class SignUp {
 public:
  SignUp(domain::UserRepository& users, domain::PasswordHasher& hasher);
  [[nodiscard]] shared::Result<domain::User> execute(const SignUpCommand& command) const;

 private:
  domain::UserRepository& users_;
  domain::PasswordHasher& hasher_;
};

}  // namespace auth::app
