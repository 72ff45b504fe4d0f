#include "auth/app/sign_up.hpp"

namespace auth::app {

SignUp::SignUp(domain::UserRepository& users, domain::PasswordHasher& hasher,
               domain::SignUpLimit& limit)
    : users_(users), hasher_(hasher), limit_(limit) {}

shared::Result<domain::User> SignUp::execute(const SignUpCommand& command) const {
  const auto& [email, password] = command.account;

  auto wait = limit_.take(command.client_address);
  if (!wait) return wait.error();
  if (*wait) return shared::Error::rate_limited(kTooManySignUps, **wait);

  // Checked before hashing so a taken email costs no bcrypt; the repository's
  // unique index still decides races between concurrent sign-ups.
  auto existing = users_.find_by_email(email);
  if (!existing) return existing.error();
  if (existing->has_value()) return shared::Error::already_exists(domain::kEmailTaken);

  auto hash = hasher_.hash(password);
  if (!hash) return hash.error();
  return users_.add({email, std::move(hash).value()});
}

}  // namespace auth::app
