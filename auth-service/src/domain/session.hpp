#pragma once
// A session: what a login (or a refresh, or a password change) hands out.
// The access token is a JWT that every service verifies locally; the refresh
// token is an opaque secret that only auth-service can exchange, once, for
// the next pair. Refresh tokens of one login form a chain: reusing a spent
// one revokes the chain (it was stolen, or the client was).

#include <chrono>
#include <string>

#include "auth/domain/token.hpp"

namespace auth::domain {

struct Session {
  IssuedToken access;
  std::string refresh_token;  // never logged, never stored (only its hash)
  std::chrono::seconds refresh_expires_in{0};
};

// A new refresh token and the hash it is stored and looked up by.
struct RefreshSecret {
  std::string token;
  std::string hash;
};

}  // namespace auth::domain
