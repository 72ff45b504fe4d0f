#include "auth/app/refresh_session.hpp"

#include "auth/app/log_in.hpp"

namespace auth::app {

RefreshSession::RefreshSession(domain::UserRepository& users, domain::SessionStore& sessions,
                               const domain::RefreshTokenGenerator& refresh_tokens,
                               const SessionIssuer& issuer, domain::FailedLoginThrottle& throttle,
                               LocalRevocations& revocations, const shared::time::Clock& clock)
    : users_(users),
      sessions_(sessions),
      refresh_tokens_(refresh_tokens),
      issuer_(issuer),
      throttle_(throttle),
      revocations_(revocations),
      clock_(clock) {}

shared::Result<domain::Session> RefreshSession::execute(
    const RefreshSessionCommand& command) const {
  const auto& client = command.client_address;
  if (auto refused = refused_by_limits(throttle_, {}, client)) return *refused;
  const auto hash = refresh_tokens_.hash(command.refresh_token);

  std::optional<domain::User> owner;
  const auto owner_id = sessions_.owner_of(hash);
  if (!owner_id) return owner_id.error();
  if (*owner_id) {
    auto found = users_.find_by_id(**owner_id);
    if (!found) return found.error();
    owner = std::move(found).value();
  }
  if (owner) {
    if (auto refused = refused_by_limits(throttle_, owner->email.value(), client)) {
      return *refused;
    }
  }

  const auto spent = sessions_.spend(hash, clock_.now());
  if (!spent) return spent.error();
  if (spent->outcome == domain::SpendOutcome::kReused) {
    // The chain is revoked in the database; make it so here at once too.
    (void)revocations_.catch_up();
  }
  if (spent->outcome != domain::SpendOutcome::kSpent || !owner) return refuse(owner, client);

  auto session = issuer_.extend(*owner, spent->chain_id);
  if (!session) return session.error();
  if (!*session) return refuse(owner, client);  // the chain was revoked meanwhile
  return std::move(**session);
}

shared::Error RefreshSession::refuse(const std::optional<domain::User>& owner,
                                     const std::string& client) const {
  return counted_failure(throttle_, owner ? owner->email.value() : std::string(), client,
                         shared::Error::unauthenticated(kInvalidRefreshToken));
}

}  // namespace auth::app
