#pragma once
// Service tokens: how one service proves itself to another (task-service
// following auth-service's revocation feed). HS256 JWTs signed with
// SERVICE_JWT_SECRET, `aud` "todo-internal", `sub` the calling service's
// name, living at most 5 minutes. The secret is never the user-token secret
// (load_service_jwt_secret refuses that), so a user token cannot pass here
// and a service token cannot pass as a user token: each fails the other's
// signature check, and the audiences differ as well.

#include <chrono>
#include <memory>
#include <string>
#include <string_view>

#include "shared/jwt/jwt_verifier.hpp"
#include "shared/result.hpp"
#include "shared/time/clock.hpp"

namespace shared::jwt {

inline constexpr std::string_view kServiceAudience = "todo-internal";
inline constexpr std::chrono::seconds kMaxServiceTokenLifetime{300};

namespace internal {
class HmacSha256Key;
}

class ServiceTokens {
 public:
  // Throws std::invalid_argument for a secret shorter than 32 bytes. `clock`
  // must outlive this object.
  explicit ServiceTokens(std::string_view secret,
                         std::chrono::seconds leeway = std::chrono::seconds(30),
                         const time::Clock& clock = time::system_clock());
  ~ServiceTokens();

  // A token naming `service`, valid for `lifetime` (capped at 5 minutes),
  // with a random `jti`.
  std::string mint(std::string_view service,
                   std::chrono::seconds lifetime = std::chrono::seconds(120)) const;

  // The calling service's name; kInvalidToken when the token is not a
  // service token signed with this secret, or expires more than 5 minutes
  // (plus leeway) from now.
  Result<std::string> verify(std::string_view token) const;

 private:
  const time::Clock* clock_;
  std::chrono::seconds leeway_;
  std::unique_ptr<internal::HmacSha256Key> key_;
  JwtVerifier verifier_;
};

}  // namespace shared::jwt
