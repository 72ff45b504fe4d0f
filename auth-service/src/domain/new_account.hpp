#pragma once
// An account about to be created: an email and a password that both passed
// their rules. Only NewAccount::from makes one, so sign-up never sees
// invalid input.

#include <string_view>

#include "auth/domain/email.hpp"
#include "auth/domain/plain_password.hpp"
#include "shared/result.hpp"

namespace auth::domain {

class NewAccount {
 public:
  // Every violation at once, as pydantic reports them: the email's at
  // {"email"}, then the password's at {"password"}.
  static shared::Result<NewAccount> from(std::string_view email, std::string_view password);

  Email email;
  PlainPassword password;  // never logged

 private:
  NewAccount(Email email, PlainPassword password)
      : email(std::move(email)), password(std::move(password)) {}
};

}  // namespace auth::domain
