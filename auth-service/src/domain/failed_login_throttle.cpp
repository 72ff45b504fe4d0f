#include "auth/domain/failed_login_throttle.hpp"

#include <algorithm>

namespace auth::domain {

FailedLoginThrottle::FailedLoginThrottle(LoginLimits limits, const shared::time::Clock& clock)
    : limits_(limits), clock_(clock) {}

std::optional<std::chrono::seconds> FailedLoginThrottle::blocked_for(const std::string& email,
                                                                     const std::string& client) {
  const auto now = clock_.now();
  std::lock_guard lock(mutex_);
  // An empty email names no account (refresh with an unknown token): only
  // the client counts.
  const auto by_email = email.empty()
                            ? std::nullopt
                            : wait_for(by_email_, email, limits_.max_failures_per_email, now);
  const auto by_client = wait_for(by_client_, client, limits_.max_failures_per_client, now);
  if (by_email && by_client) return std::max(*by_email, *by_client);
  return by_email ? by_email : by_client;
}

void FailedLoginThrottle::record_failure(const std::string& email, const std::string& client) {
  const auto now = clock_.now();
  std::lock_guard lock(mutex_);
  if (!email.empty()) record(by_email_, email, limits_.max_failures_per_email, now);
  record(by_client_, client, limits_.max_failures_per_client, now);
}

void FailedLoginThrottle::clear(const std::string& email) {
  std::lock_guard lock(mutex_);
  by_email_.erase(email);
}

std::optional<std::chrono::seconds> FailedLoginThrottle::wait_for(Failures& failures,
                                                                  const std::string& key,
                                                                  std::size_t max, TimePoint now) {
  const auto found = failures.find(key);
  if (found == failures.end()) return std::nullopt;
  auto& times = found->second;
  while (!times.empty() && times.front() <= now - limits_.window) times.pop_front();
  if (times.empty()) {
    failures.erase(found);
    return std::nullopt;
  }
  if (times.size() < max) return std::nullopt;
  // Round up, so a client that waits exactly Retry-After is let in.
  const auto remaining = times.front() + limits_.window - now;
  const auto seconds = std::chrono::ceil<std::chrono::seconds>(remaining);
  return std::max(seconds, std::chrono::seconds(1));
}

void FailedLoginThrottle::record(Failures& failures, const std::string& key, std::size_t max,
                                 TimePoint now) {
  if (failures.size() >= kMaxTrackedKeys && !failures.contains(key)) {
    sweep(failures, now);
    if (failures.size() >= kMaxTrackedKeys) return;
  }
  auto& times = failures[key];
  times.push_back(now);
  while (times.size() > max) times.pop_front();  // older ones cannot matter any more
}

void FailedLoginThrottle::sweep(Failures& failures, TimePoint now) {
  std::erase_if(failures, [&](const auto& entry) {
    return entry.second.empty() || entry.second.back() <= now - limits_.window;
  });
}

}  // namespace auth::domain
