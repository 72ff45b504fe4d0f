#include "auth/app/log_out.hpp"

namespace auth::app {

LogOut::LogOut(const Authenticate& authenticate, domain::SessionStore& sessions,
               const domain::RefreshTokenGenerator& refresh_tokens, LocalRevocations& revocations,
               const shared::time::Clock& clock, std::chrono::seconds access_lifetime)
    : authenticate_(authenticate),
      sessions_(sessions),
      refresh_tokens_(refresh_tokens),
      revocations_(revocations),
      clock_(clock),
      access_lifetime_(access_lifetime) {}

shared::Result<void> LogOut::execute(const LogOutCommand& command) const {
  const auto claims = authenticate_.execute(command.access_token);
  if (!claims) return claims.error();
  const auto revoked =
      claims->id
          ? sessions_.revoke_token({*claims->id, claims->subject, claims->expires_at})
          : sessions_.cut_off(claims->subject, domain::cutoff_at(clock_.now(), access_lifetime_));
  if (!revoked) return revoked.error();
  if (command.refresh_token) {
    const auto chain =
        sessions_.revoke_chain_of(refresh_tokens_.hash(*command.refresh_token), claims->subject);
    if (!chain) return chain.error();
  }
  // Written is revoked: a failed catch-up here is retried by the tick.
  (void)revocations_.catch_up();
  return {};
}

}  // namespace auth::app
