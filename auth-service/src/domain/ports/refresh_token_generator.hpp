#pragma once
// Refresh tokens: opaque random secrets (≥ 256 bits, URL-safe). Stored and
// looked up only by a hash, so a copy of the database is not a set of live
// sessions, and the lookup compares hashes rather than secrets.

#include <string>
#include <string_view>

#include "auth/domain/session.hpp"
#include "shared/result.hpp"

namespace auth::domain {

class RefreshTokenGenerator {
 public:
  virtual ~RefreshTokenGenerator() = default;
  // kInternal when the random generator fails.
  virtual shared::Result<RefreshSecret> generate() = 0;
  // The hash a presented token is looked up by.
  [[nodiscard]] virtual std::string hash(std::string_view token) const = 0;
};

}  // namespace auth::domain
