#include "auth/app/session_issuer.hpp"

namespace auth::app {

SessionIssuer::SessionIssuer(domain::TokenIssuer& tokens,
                             domain::RefreshTokenGenerator& refresh_tokens,
                             domain::SessionStore& sessions, const shared::time::Clock& clock,
                             std::chrono::seconds refresh_lifetime)
    : tokens_(tokens),
      refresh_tokens_(refresh_tokens),
      sessions_(sessions),
      clock_(clock),
      refresh_lifetime_(refresh_lifetime) {}

shared::Result<SessionIssuer::Pending> SessionIssuer::prepare(const domain::User& user) const {
  const auto cutoff = sessions_.cutoff_of(user.id);
  if (!cutoff) return cutoff.error();
  auto access = tokens_.issue(user, *cutoff);
  if (!access) return access.error();
  auto refresh = refresh_tokens_.generate();
  if (!refresh) return refresh.error();
  domain::ChainLink link{refresh->hash, clock_.now() + refresh_lifetime_, access->id,
                         access->expires_at};
  return Pending{{std::move(access).value(), std::move(refresh->token), refresh_lifetime_},
                 std::move(link)};
}

shared::Result<domain::Session> SessionIssuer::start(const domain::User& user) const {
  auto pending = prepare(user);
  if (!pending) return pending.error();
  const auto stored =
      sessions_.start_chain(user.id, pending->session.access.issued_at, pending->link);
  if (!stored) return stored.error();
  return std::move(pending->session);
}

shared::Result<std::optional<domain::Session>> SessionIssuer::extend(
    const domain::User& user, const std::string& chain_id) const {
  auto pending = prepare(user);
  if (!pending) return pending.error();
  const auto extended = sessions_.extend_chain(chain_id, pending->link);
  if (!extended) return extended.error();
  if (!*extended) return std::optional<domain::Session>();
  return std::optional<domain::Session>(std::move(pending->session));
}

}  // namespace auth::app
