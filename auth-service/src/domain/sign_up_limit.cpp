#include "auth/domain/sign_up_limit.hpp"

#include "auth/domain/client_key.hpp"
#include "auth/domain/failed_login_throttle.hpp"

namespace auth::domain {

SignUpLimit::SignUpLimit(AttemptCounters& counters, SignUpLimits limits,
                         const shared::time::Clock& clock)
    : counters_(counters), limits_(limits), clock_(clock) {}

shared::Result<std::optional<std::chrono::seconds>> SignUpLimit::take(const std::string& client) {
  const auto now = clock_.now();
  const AttemptKey key{AttemptKind::sign_up_client, client_key(client)};
  auto windows = counters_.count({&key, 1}, now, limits_.window);
  if (!windows) return windows.error();
  for (const AttemptWindow& window : *windows) {
    if (window.attempts > limits_.max_per_client) {
      return std::optional<std::chrono::seconds>(seconds_until(window.ends, now));
    }
  }
  return std::optional<std::chrono::seconds>();
}

}  // namespace auth::domain
