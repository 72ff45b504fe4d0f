#pragma once
// Works off recorded user deletions (app::DrainUserDeletions) on a thread of
// its own: at start-up (requests left by a previous run), whenever wake() is
// called (the follower recorded one), and every minute in case a wake-up was
// missed. A failing database is retried with backoff and logged once per
// outage. stop() returns between two batches.

#include <atomic>
#include <cstddef>
#include <thread>

#include "task/adapters/workers/wakeup.hpp"
#include "task/app/drain_user_deletions.hpp"

namespace task::adapters::workers {

class UserDeletionWorker {
 public:
  explicit UserDeletionWorker(const app::DrainUserDeletions& drain);  // starts the thread
  ~UserDeletionWorker();
  UserDeletionWorker(const UserDeletionWorker&) = delete;
  UserDeletionWorker& operator=(const UserDeletionWorker&) = delete;

  void wake() { wakeup_.wake(); }
  void stop();
  // Requests not done when the last run ended (for the metric).
  [[nodiscard]] std::size_t pending() const { return pending_.load(); }

 private:
  void loop();

  const app::DrainUserDeletions& drain_;
  std::atomic<std::size_t> pending_{0};
  Wakeup wakeup_;
  std::thread thread_;  // last: starts once the members above exist
};

}  // namespace task::adapters::workers
