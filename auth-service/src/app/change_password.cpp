#include "auth/app/change_password.hpp"

namespace auth::app {

ChangePassword::ChangePassword(const ConfirmPassword& confirm, domain::PasswordHasher& hasher,
                               domain::SessionStore& sessions, const SessionIssuer& issuer,
                               LocalRevocations& revocations, const shared::time::Clock& clock,
                               std::chrono::seconds access_lifetime)
    : confirm_(confirm),
      hasher_(hasher),
      sessions_(sessions),
      issuer_(issuer),
      revocations_(revocations),
      clock_(clock),
      access_lifetime_(access_lifetime) {}

shared::Result<domain::Session> ChangePassword::execute(
    const ChangePasswordCommand& command) const {
  auto user =
      confirm_.execute(command.access_token, command.current_password, command.client_address);
  if (!user) return user.error();
  auto hash = hasher_.hash(command.new_password);
  if (!hash) return hash.error();
  const auto changed =
      sessions_.change_password(user->id, *hash, domain::cutoff_at(clock_.now(), access_lifetime_));
  if (!changed) return changed.error();
  user->password_hash = std::move(hash).value();
  // The cutoff is written; this replica must refuse the old tokens now even
  // if catching up fails (the background tick retries).
  (void)revocations_.catch_up();
  return issuer_.start(*user);
}

}  // namespace auth::app
