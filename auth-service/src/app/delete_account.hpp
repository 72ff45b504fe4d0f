#pragma once
#include <chrono>
#include <string>

#include "auth/app/confirm_password.hpp"
#include "auth/app/local_revocations.hpp"
#include "auth/domain/ports/session_store.hpp"
#include "shared/result.hpp"
#include "shared/time/clock.hpp"

namespace auth::app {

struct DeleteAccountCommand {
  std::string access_token;
  std::string password;  // as typed
  std::string client_address;
};

// Deletes the bearer's account after confirming the password: the user row
// goes, every token is revoked, and the feed tells other services to delete
// the user's data. The email is free to sign up again (as a new user).
class DeleteAccount {
 public:
  DeleteAccount(const ConfirmPassword& confirm, domain::SessionStore& sessions,
                LocalRevocations& revocations, const shared::time::Clock& clock,
                std::chrono::seconds access_lifetime);
  // The deleted user's id.
  [[nodiscard]] shared::Result<std::string> execute(const DeleteAccountCommand& command) const;

 private:
  const ConfirmPassword& confirm_;
  domain::SessionStore& sessions_;
  LocalRevocations& revocations_;
  const shared::time::Clock& clock_;
  std::chrono::seconds access_lifetime_;
};

}  // namespace auth::app
