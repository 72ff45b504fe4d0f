#pragma once
// How the use cases that check a secret (login, password confirmation,
// refresh) consult and feed the failed-login limits, written once.

#include <optional>
#include <string>

#include "auth/domain/failed_login_throttle.hpp"
#include "shared/result.hpp"

namespace auth::app {

inline constexpr const char* kTooManyAttempts = "Too many failed login attempts, try again later";

// nullopt to go on; else what to answer: 429 with Retry-After when the email
// or the client is blocked, 503 when the counters cannot be read.
std::optional<shared::Error> refused_by_limits(domain::FailedLoginThrottle& throttle,
                                               const std::string& email, const std::string& client);

// Counts a failure and answers `answer`, or 503 when the failure could not
// be counted (an uncounted guess must not look like an ordinary one).
shared::Error counted_failure(domain::FailedLoginThrottle& throttle, const std::string& email,
                              const std::string& client, shared::Error answer);

}  // namespace auth::app
