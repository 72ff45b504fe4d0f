#include "auth/domain/cutoff.hpp"

#include <algorithm>

namespace auth::domain {

Cutoff cutoff_at(shared::time::Timestamp now, std::chrono::seconds access_token_lifetime) {
  const auto not_before = shared::time::epoch_seconds(now) + 1;
  // The newest token it revokes has iat = not_before - 1.
  return {not_before, not_before - 1 + access_token_lifetime.count()};
}

std::int64_t issue_time(shared::time::Timestamp now, std::int64_t not_before) {
  return std::max(shared::time::epoch_seconds(now), not_before);
}

}  // namespace auth::domain
