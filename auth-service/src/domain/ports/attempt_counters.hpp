#pragma once
// Counters of recent attempts (failed logins, sign-ups), kept where every
// replica sees them: the limits hold for the whole deployment and survive
// restarts.
//
// Each key has at most one window at a time: it opens with the first
// attempt counted after the last one ended, lasts `window`, and counts every
// attempt until it ends. Keys are stored as a fixed-size digest, so a
// counter costs the same whatever was typed; windows that ended are pruned.

#include <chrono>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "shared/result.hpp"
#include "shared/time/timestamp.hpp"

namespace auth::domain {

enum class AttemptKind : std::int16_t {
  failed_login_email = 1,   // key: the canonical email
  failed_login_client = 2,  // key: the client key (client_key.hpp)
  sign_up_client = 3,       // key: the client key
};

struct AttemptKey {
  AttemptKind kind = AttemptKind::failed_login_email;
  std::string value;
};

struct AttemptWindow {
  AttemptKind kind = AttemptKind::failed_login_email;
  std::uint32_t attempts = 0;
  shared::time::Timestamp ends;
};

class AttemptCounters {
 public:
  virtual ~AttemptCounters() = default;

  // The windows still open at `now` of `keys` (at most two, of different
  // kinds); a key with none is left out.
  virtual shared::Result<std::vector<AttemptWindow>> open_windows(std::span<const AttemptKey> keys,
                                                                  shared::time::Timestamp now) = 0;

  // Counts one attempt for each of `keys` (at most two, of different kinds)
  // in one step: into its open window, or into a new one [now, now + window).
  // Returns every key's window after counting.
  virtual shared::Result<std::vector<AttemptWindow>> count(std::span<const AttemptKey> keys,
                                                           shared::time::Timestamp now,
                                                           std::chrono::seconds window) = 0;

  // Closes `key`'s window (a successful login clears its email's failures).
  virtual shared::Result<void> clear(const AttemptKey& key) = 0;

  // Forgets the windows that ended before `now`; returns how many.
  virtual shared::Result<std::size_t> prune(shared::time::Timestamp now) = 0;
};

}  // namespace auth::domain
