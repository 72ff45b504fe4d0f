#include "auth/app/log_out_everywhere.hpp"

namespace auth::app {

LogOutEverywhere::LogOutEverywhere(const Authenticate& authenticate, domain::SessionStore& sessions,
                                   LocalRevocations& revocations, const shared::time::Clock& clock,
                                   std::chrono::seconds access_lifetime)
    : authenticate_(authenticate),
      sessions_(sessions),
      revocations_(revocations),
      clock_(clock),
      access_lifetime_(access_lifetime) {}

shared::Result<void> LogOutEverywhere::execute(const LogOutEverywhereCommand& command) const {
  const auto claims = authenticate_.execute(command.access_token);
  if (!claims) return claims.error();
  const auto cut =
      sessions_.cut_off(claims->subject, domain::cutoff_at(clock_.now(), access_lifetime_));
  if (!cut) return cut.error();
  // Written is revoked: a failed catch-up here is retried by the tick.
  (void)revocations_.catch_up();
  return {};
}

}  // namespace auth::app
