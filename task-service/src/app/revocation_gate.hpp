#pragma once
// The revocation check of a token whose signature and claims are already
// verified. It runs on every authenticated request, so it costs a shared
// lock and a hash lookup (RevocationSet) and two atomic loads (FeedStatus).
//
// A token is never served while task-service cannot tell whether it is
// revoked: before the first snapshot, and, when fail-closed is configured,
// once the feed has been silent for longer than allowed. Those answers are
// kUnavailable (503 with Retry-After), not 401: the token may be fine.

#include <chrono>

#include "shared/result.hpp"
#include "shared/revocation/revocation_set.hpp"
#include "shared/time/clock.hpp"
#include "task/app/feed_status.hpp"

namespace task::app {

class RevocationGate {
 public:
  // `fail_closed_after`: 0 keeps serving however old the copy is (the
  // default: auth-service down must not take task-service down).
  RevocationGate(const shared::revocation::RevocationSet& revoked, const FeedStatus& status,
                 const shared::time::Clock& clock, std::chrono::seconds fail_closed_after);

  // kInvalidToken "Token has been revoked", kUnavailable, or success.
  [[nodiscard]] shared::Result<void> check(const shared::revocation::TokenFacts& token) const;

 private:
  const shared::revocation::RevocationSet& revoked_;
  const FeedStatus& status_;
  const shared::time::Clock& clock_;
  std::chrono::seconds fail_closed_after_;
};

}  // namespace task::app
