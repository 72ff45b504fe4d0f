#include "auth/domain/failed_login_throttle.hpp"

#include <algorithm>

#include "auth/domain/client_key.hpp"
#include "auth/domain/email.hpp"

namespace auth::domain {

FailedLoginThrottle::FailedLoginThrottle(AttemptCounters& counters, LoginLimits limits,
                                         const shared::time::Clock& clock)
    : counters_(counters), limits_(limits), clock_(clock) {}

std::vector<AttemptKey> FailedLoginThrottle::keys(const std::string& email,
                                                  const std::string& client) const {
  std::vector<AttemptKey> keys{{AttemptKind::failed_login_client, client_key(client)}};
  if (auto account = Email::parse(email)) {
    keys.push_back({AttemptKind::failed_login_email, account->value()});
  }
  return keys;
}

std::size_t FailedLoginThrottle::max_for(AttemptKind kind) const {
  return kind == AttemptKind::failed_login_email ? limits_.max_failures_per_email
                                                 : limits_.max_failures_per_client;
}

shared::Result<std::optional<std::chrono::seconds>> FailedLoginThrottle::blocked_for(
    const std::string& email, const std::string& client) {
  const auto now = clock_.now();
  auto windows = counters_.open_windows(keys(email, client), now);
  if (!windows) return windows.error();
  std::optional<std::chrono::seconds> wait;
  for (const AttemptWindow& window : *windows) {
    if (window.attempts < max_for(window.kind)) continue;
    const auto seconds = seconds_until(window.ends, now);
    wait = wait ? std::max(*wait, seconds) : seconds;
  }
  return wait;
}

shared::Result<void> FailedLoginThrottle::record_failure(const std::string& email,
                                                         const std::string& client) {
  auto counted = counters_.count(keys(email, client), clock_.now(), limits_.window);
  if (!counted) return counted.error();
  return shared::Result<void>::success();
}

shared::Result<void> FailedLoginThrottle::clear(const std::string& email) {
  auto account = Email::parse(email);
  if (!account) return shared::Result<void>::success();  // never counted
  return counters_.clear({AttemptKind::failed_login_email, account->value()});
}

std::chrono::seconds seconds_until(shared::time::Timestamp ends, shared::time::Timestamp now) {
  const auto seconds = std::chrono::ceil<std::chrono::seconds>(ends - now);
  return std::max(seconds, std::chrono::seconds(1));
}

}  // namespace auth::domain
