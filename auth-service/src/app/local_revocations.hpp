#pragma once
// auth-service's own view of the revocation log: the same in-memory set
// every follower keeps, filled from the database rather than over HTTP.
// A use case that revokes something catches up right after its write, so
// this replica honours it at once; a background tick catches up with what
// other replicas wrote.

#include <chrono>
#include <cstdint>
#include <mutex>

#include "auth/domain/ports/revocation_log.hpp"
#include "auth/domain/token.hpp"
#include "shared/result.hpp"
#include "shared/revocation/revocation_set.hpp"
#include "shared/time/clock.hpp"

namespace auth::app {

inline constexpr const char* kTokenRevoked = "Token has been revoked";

class LocalRevocations {
 public:
  // `grace`: the verifier's leeway (a revoked token is remembered that long
  // past its expiry).
  LocalRevocations(domain::RevocationLog& log, const shared::time::Clock& clock,
                   std::chrono::seconds grace);

  // Loads the snapshot; before it, nothing counts as revoked.
  shared::Result<void> load();
  // Applies the events written since the last call (all of them, in pages).
  shared::Result<void> catch_up();
  // Forgets entries whose tokens have expired; returns how many.
  std::size_t drop_expired();

  [[nodiscard]] bool is_revoked(const domain::TokenClaims& claims) const;
  [[nodiscard]] std::int64_t cursor() const;
  [[nodiscard]] shared::revocation::RevocationSet::Size size() const { return set_.size(); }

 private:
  shared::Result<void> load_locked();

  domain::RevocationLog& log_;
  const shared::time::Clock& clock_;
  std::chrono::seconds grace_;
  shared::revocation::RevocationSet set_;
  mutable std::mutex mutex_;  // one catch-up at a time; guards cursor_
  std::int64_t cursor_ = 0;
};

}  // namespace auth::app
