#include "auth/app/log_in.hpp"

#include "auth/app/password_check.hpp"

namespace auth::app {

LogIn::LogIn(domain::UserRepository& users, domain::PasswordHasher& hasher,
             const SessionIssuer& sessions, domain::FailedLoginThrottle& throttle)
    : users_(users), hasher_(hasher), sessions_(sessions), throttle_(throttle) {}

shared::Result<domain::Session> LogIn::execute(const LogInCommand& command) const {
  const std::string email = domain::Email::normalise(command.email);
  if (const auto wait = throttle_.blocked_for(email, command.client_address)) {
    return shared::Error::rate_limited(kTooManyAttempts, *wait);
  }

  std::optional<domain::User> user;
  auto matched = credentials_match(email, command.password, user);
  if (!matched) return matched.error();
  if (!*matched) {
    throttle_.record_failure(email, command.client_address);
    return shared::Error::unauthenticated(kBadCredentials);
  }
  throttle_.clear(email);
  return sessions_.start(*user);
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
