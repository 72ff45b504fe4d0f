#pragma once
#include <string_view>

#include "auth/app/authenticate.hpp"
#include "auth/domain/ports/user_repository.hpp"
#include "auth/domain/user.hpp"
#include "shared/result.hpp"

namespace auth::app {

inline constexpr const char* kUserGone = "User no longer exists";

// The user a bearer token names. kInvalidToken when the token is rejected
// (the verifier's reason, or revoked) or its user no longer exists (kUserGone).
class GetCurrentUser {
 public:
  GetCurrentUser(const Authenticate& authenticate, domain::UserRepository& users);
  [[nodiscard]] shared::Result<domain::User> execute(std::string_view token) const;

 private:
  const Authenticate& authenticate_;
  domain::UserRepository& users_;
};

}  // namespace auth::app
