#include "auth/app/login_throttling.hpp"

namespace auth::app {

std::optional<shared::Error> refused_by_limits(domain::FailedLoginThrottle& throttle,
                                               const std::string& email,
                                               const std::string& client) {
  auto wait = throttle.blocked_for(email, client);
  if (!wait) return wait.error();
  if (*wait) return shared::Error::rate_limited(kTooManyAttempts, **wait);
  return std::nullopt;
}

shared::Error counted_failure(domain::FailedLoginThrottle& throttle, const std::string& email,
                              const std::string& client, shared::Error answer) {
  if (auto counted = throttle.record_failure(email, client); !counted) return counted.error();
  return answer;
}

}  // namespace auth::app
