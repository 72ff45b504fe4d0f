#pragma once
// Who is calling: turns a bearer token into its owner's id, locally (no
// call to auth-service on the request path).

#include <memory>
#include <string_view>

#include "shared/result.hpp"
#include "task/domain/user_id.hpp"

namespace task::domain {

class TokenVerifier {
 public:
  virtual ~TokenVerifier() = default;

  // The token's subject, or kInvalidToken with a short reason that is
  // safe to show the client. Must be thread-safe: every request calls it.
  virtual shared::Result<UserId> verify(std::string_view token) const = 0;
};

using TokenVerifierPtr = std::unique_ptr<TokenVerifier>;

}  // namespace task::domain
