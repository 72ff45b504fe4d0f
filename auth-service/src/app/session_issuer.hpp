#pragma once
// Hands out sessions: an access token dated no earlier than the user's
// latest cutoff, and a refresh token stored (as a hash) in its chain. Used
// by every use case that ends in "here is a fresh login response".

#include <chrono>
#include <string>

#include "auth/domain/ports/refresh_token_generator.hpp"
#include "auth/domain/ports/session_store.hpp"
#include "auth/domain/ports/token_issuer.hpp"
#include "auth/domain/session.hpp"
#include "auth/domain/user.hpp"
#include "shared/result.hpp"
#include "shared/time/clock.hpp"

namespace auth::app {

class SessionIssuer {
 public:
  SessionIssuer(domain::TokenIssuer& tokens, domain::RefreshTokenGenerator& refresh_tokens,
                domain::SessionStore& sessions, const shared::time::Clock& clock,
                std::chrono::seconds refresh_lifetime);

  // A session in a new chain.
  [[nodiscard]] shared::Result<domain::Session> start(const domain::User& user) const;
  // The next session of `chain_id` (after its refresh token was spent);
  // nullopt when the chain was revoked meanwhile.
  [[nodiscard]] shared::Result<std::optional<domain::Session>> extend(
      const domain::User& user, const std::string& chain_id) const;

 private:
  // The session, not yet stored, and its chain link.
  struct Pending {
    domain::Session session;
    domain::ChainLink link;
  };
  [[nodiscard]] shared::Result<Pending> prepare(const domain::User& user) const;

  domain::TokenIssuer& tokens_;
  domain::RefreshTokenGenerator& refresh_tokens_;
  domain::SessionStore& sessions_;
  const shared::time::Clock& clock_;
  std::chrono::seconds refresh_lifetime_;
};

}  // namespace auth::app
