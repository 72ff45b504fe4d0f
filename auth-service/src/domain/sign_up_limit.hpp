#pragma once
// At most `max_per_client` sign-ups per client (client_key.hpp) per window,
// counted in AttemptCounters so the limit holds across replicas: sign-up
// costs a bcrypt hash and a row, and shares the hashing pool with login.

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>

#include "auth/domain/ports/attempt_counters.hpp"
#include "shared/result.hpp"
#include "shared/time/clock.hpp"

namespace auth::domain {

struct SignUpLimits {
  std::size_t max_per_client = 20;
  std::chrono::seconds window{3600};
};

class SignUpLimit {
 public:
  SignUpLimit(AttemptCounters& counters, SignUpLimits limits, const shared::time::Clock& clock);

  // Counts one sign-up by `client` (an address). nullopt when it is within
  // the limit, else how long until the client's window ends.
  shared::Result<std::optional<std::chrono::seconds>> take(const std::string& client);

 private:
  AttemptCounters& counters_;
  const SignUpLimits limits_;
  const shared::time::Clock& clock_;
};

}  // namespace auth::domain
