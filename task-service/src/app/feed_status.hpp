#pragma once
// How current task-service's copy of the revocations is: written by the
// follower, read on every authenticated request (so atomics, no lock) and by
// the readiness probe and the lag metric.

#include <atomic>
#include <chrono>
#include <cstdint>

#include "shared/time/timestamp.hpp"

namespace task::app {

class FeedStatus {
 public:
  // Before the first answer the lag counts from `started`.
  explicit FeedStatus(shared::time::Timestamp started);

  // The feed answered with a page at `at`: everything revoked until then is known.
  void answered(shared::time::Timestamp at);
  // A snapshot has been applied: from now on a token can be checked.
  void mark_loaded() { loaded_.store(true, std::memory_order_release); }

  [[nodiscard]] bool loaded() const { return loaded_.load(std::memory_order_acquire); }
  // now − the last answer (or the start), never negative.
  [[nodiscard]] std::chrono::microseconds lag(shared::time::Timestamp now) const;

 private:
  std::atomic<bool> loaded_{false};
  std::atomic<std::int64_t> last_answer_micros_;
};

}  // namespace task::app
