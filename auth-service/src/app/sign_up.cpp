#include "auth/app/sign_up.hpp"

namespace auth::app {

SignUp::SignUp(domain::UserRepository& users, domain::PasswordHasher& hasher)
    : users_(users), hasher_(hasher) {}

shared::Result<domain::User> SignUp::execute(const SignUpCommand& command) const {
  const auto& [email, password] = command.account;

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
