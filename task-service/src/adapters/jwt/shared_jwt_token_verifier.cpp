#include "task/adapters/jwt/shared_jwt_token_verifier.hpp"

namespace task::adapters::jwt {

shared::Result<domain::UserId> SharedJwtTokenVerifier::verify(std::string_view token) const {
  auto verified = verifier_.verify(token);
  if (!verified) return verified.error();
  auto user = domain::UserId::parse(verified->subject);
  if (!user) return shared::Error::invalid_token("Invalid token subject");
  // The canonical (lower-case) id: the feed names users as auth-service stores them.
  const shared::revocation::TokenFacts facts{
      user->str(), verified->id ? std::optional<std::string_view>(*verified->id) : std::nullopt,
      verified->issued_at};
  if (auto allowed = gate_.check(facts); !allowed) return allowed.error();
  return std::move(*user);
}

}  // namespace task::adapters::jwt
