#pragma once
// Brute-force defence: failed logins are counted per email and per client
// address in a sliding window; a key with `max` failures in the window is
// blocked until its oldest failure leaves the window. A successful login
// clears that email's failures (not the client's: one client guessing many
// accounts stays visible).
//
// Memory is bounded: each key keeps at most `max` timestamps, stale keys are
// swept, and at most kMaxTrackedKeys keys per kind are tracked (beyond that,
// new keys go uncounted until a sweep frees room: failing open for one kind
// of key is better than growing without bound under a spray of addresses).

#include <chrono>
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "shared/time/clock.hpp"

namespace auth::domain {

struct LoginLimits {
  std::size_t max_failures_per_email = 10;
  std::size_t max_failures_per_client = 100;
  std::chrono::seconds window{900};
};

class FailedLoginThrottle {
 public:
  static constexpr std::size_t kMaxTrackedKeys = 100000;

  FailedLoginThrottle(LoginLimits limits, const shared::time::Clock& clock);

  // How long until another attempt is allowed; nullopt when allowed now.
  // An empty `email` is no account: only the client is checked or counted.
  std::optional<std::chrono::seconds> blocked_for(const std::string& email,
                                                  const std::string& client);
  void record_failure(const std::string& email, const std::string& client);
  void clear(const std::string& email);

 private:
  using TimePoint = std::chrono::system_clock::time_point;
  using Failures = std::unordered_map<std::string, std::deque<TimePoint>>;

  std::optional<std::chrono::seconds> wait_for(Failures& failures, const std::string& key,
                                               std::size_t max, TimePoint now);
  void record(Failures& failures, const std::string& key, std::size_t max, TimePoint now);
  void sweep(Failures& failures, TimePoint now);

  const LoginLimits limits_;
  const shared::time::Clock& clock_;
  std::mutex mutex_;
  Failures by_email_;
  Failures by_client_;
};

}  // namespace auth::domain
