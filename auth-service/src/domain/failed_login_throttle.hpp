#pragma once
// Brute-force defence: failed logins are counted per canonical email and per
// client (client_key.hpp) in AttemptCounters, so the limits hold across every
// replica and restart. A key with `max` failures in its window is blocked
// until the window ends. A successful login clears that email's failures
// (not the client's: one client guessing many accounts stays visible).
//
// An email that breaks the address rules cannot belong to an account, so it
// counts for the client only: a spray of invented, arbitrarily long "emails"
// adds no per-email rows.

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "auth/domain/ports/attempt_counters.hpp"
#include "shared/result.hpp"
#include "shared/time/clock.hpp"

namespace auth::domain {

struct LoginLimits {
  std::size_t max_failures_per_email = 10;
  std::size_t max_failures_per_client = 100;
  std::chrono::seconds window{900};
};

class FailedLoginThrottle {
 public:
  FailedLoginThrottle(AttemptCounters& counters, LoginLimits limits,
                      const shared::time::Clock& clock);

  // How long until another attempt is allowed; nullopt when allowed now.
  // `email` as typed or canonical (it is canonicalised here); empty means no
  // account, and only the client is checked or counted. `client` is the
  // client's address.
  shared::Result<std::optional<std::chrono::seconds>> blocked_for(const std::string& email,
                                                                  const std::string& client);
  shared::Result<void> record_failure(const std::string& email, const std::string& client);
  shared::Result<void> clear(const std::string& email);

 private:
  std::vector<AttemptKey> keys(const std::string& email, const std::string& client) const;
  std::size_t max_for(AttemptKind kind) const;

  AttemptCounters& counters_;
  const LoginLimits limits_;
  const shared::time::Clock& clock_;
};

// Seconds until `ends`, rounded up (a client that waits exactly Retry-After
// is let in), at least 1.
std::chrono::seconds seconds_until(shared::time::Timestamp ends, shared::time::Timestamp now);

}  // namespace auth::domain
