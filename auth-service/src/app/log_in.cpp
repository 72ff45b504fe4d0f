#include "auth/app/log_in.hpp"

#include "auth/app/password_check.hpp"
#include "auth/domain/plain_password.hpp"

namespace auth::app {

LogIn::LogIn(domain::UserRepository& users, domain::PasswordHasher& hasher,
             const SessionIssuer& sessions, domain::FailedLoginThrottle& throttle)
    : users_(users), hasher_(hasher), sessions_(sessions), throttle_(throttle) {}

shared::Result<domain::Session> LogIn::execute(const LogInCommand& command) const {
  // Canonical, or empty when the input cannot be an account (then only the
  // client is counted, and the password check runs against no user).
  auto account = domain::Email::parse(command.email);
  const std::string email = account ? account->value() : std::string();
  if (auto refused = refused_by_limits(throttle_, email, command.client_address)) {
    return *refused;
  }

  std::optional<domain::User> user;
  auto matched = credentials_match(email, command.password, user);
  if (!matched) return matched.error();
  if (!*matched) {
    return counted_failure(throttle_, email, command.client_address,
                           shared::Error::unauthenticated(kBadCredentials));
  }
  if (auto cleared = throttle_.clear(email); !cleared) return cleared.error();
  rehash_if_needed(*user, command.password);
  return sessions_.start(*user);
}

// Best effort: a login that matched a hash made at another cost replaces it
// at BCRYPT_COST (one more bcrypt, once per account), so imported passlib
// hashes and hashes from before a cost change migrate as their users log in,
// and checking any account costs the same as checking an unknown email. A
// failure leaves the old hash, which still works; the login goes on.
void LogIn::rehash_if_needed(const domain::User& user, const std::string& password) const {
  if (!hasher_.needs_rehash(user.password_hash)) return;
  auto plain = domain::PlainPassword::parse(password);
  if (!plain) return;  // a legacy password outside today's rules: keep it
  auto fresh = hasher_.hash(*plain);
  if (!fresh) return;
  (void)users_.rehash_password(user.id, user.password_hash, *fresh);
}

shared::Result<bool> LogIn::credentials_match(const std::string& email, const std::string& password,
                                              std::optional<domain::User>& user) const {
  // An address that breaks the rules cannot belong to anyone: treat it like an
  // unknown one rather than answering differently (no 422 oracle at login).
  auto parsed = domain::Email::parse(email);
  if (parsed) {
    auto found = users_.find_by_email(*parsed);
    if (!found) return found.error();
    user = std::move(found).value();
  }
  return password_matches(hasher_, password, user);
}

}  // namespace auth::app
