#include "auth/app/sign_up.hpp"

namespace auth::app {

SignUp::SignUp(domain::UserRepository& users, domain::PasswordHasher& hasher)
    : users_(users), hasher_(hasher) {}

shared::Result<domain::User> SignUp::execute(const SignUpCommand& command) const {
  auto email = domain::Email::parse(command.email);
  auto password = domain::PlainPassword::parse(command.password);
  if (!email || !password) {
    std::vector<shared::FieldViolation> violations;
    if (!email) violations = email.error().violations;
    if (!password) {
      const auto& more = password.error().violations;
      violations.insert(violations.end(), more.begin(), more.end());
    }
    return shared::Error::invalid_argument(std::move(violations));
  }

  // Checked before hashing so a taken email costs no bcrypt; the repository's
  // unique index still decides races between concurrent sign-ups.
  auto existing = users_.find_by_email(*email);
  if (!existing) return existing.error();
  if (existing->has_value()) return shared::Error::already_exists(domain::kEmailTaken);

  auto hash = hasher_.hash(*password);
  if (!hash) return hash.error();
  return users_.add({*email, std::move(hash).value()});
}

}  // namespace auth::app
