#include "task/app/revocation_gate.hpp"

namespace task::app {

namespace {
constexpr std::chrono::seconds kRetryAfter{1};
}

RevocationGate::RevocationGate(const shared::revocation::RevocationSet& revoked,
                               const FeedStatus& status, const shared::time::Clock& clock,
                               std::chrono::seconds fail_closed_after)
    : revoked_(revoked), status_(status), clock_(clock), fail_closed_after_(fail_closed_after) {}

shared::Result<void> RevocationGate::check(const shared::revocation::TokenFacts& token) const {
  if (!status_.loaded()) {
    return shared::Error::unavailable("revocations not loaded yet", kRetryAfter);
  }
  // Known to be revoked is the better answer even when the copy is old.
  if (revoked_.is_revoked(token)) return shared::Error::invalid_token("Token has been revoked");
  if (fail_closed_after_.count() > 0 && status_.lag(clock_.now()) > fail_closed_after_) {
    return shared::Error::unavailable("revocation feed lags beyond REVOCATION_FAIL_CLOSED_AFTER",
                                      kRetryAfter);
  }
  return shared::Result<void>::success();
}

}  // namespace task::app
