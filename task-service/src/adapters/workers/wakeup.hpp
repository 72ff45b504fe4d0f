#pragma once
// What a worker thread sleeps on between runs: a pause that wake() cuts
// short and stop() ends for good. Thread-safe.

#include <chrono>
#include <condition_variable>
#include <mutex>

namespace task::adapters::workers {

class Wakeup {
 public:
  // Sleeps until `pause` has passed, wake() was called (since the last
  // sleep began) or stop() was; false once stop() was called.
  bool sleep(std::chrono::milliseconds pause) {
    std::unique_lock lock(mutex_);
    changed_.wait_for(lock, pause, [this] { return stopped_ || woken_; });
    woken_ = false;
    return !stopped_;
  }
  void wake() { set(woken_); }
  void stop() { set(stopped_); }
  bool stopped() const {
    const std::lock_guard lock(mutex_);
    return stopped_;
  }

 private:
  void set(bool& flag) {
    {
      const std::lock_guard lock(mutex_);
      flag = true;
    }
    changed_.notify_all();
  }

  mutable std::mutex mutex_;
  std::condition_variable changed_;
  bool woken_ = false;
  bool stopped_ = false;
};

}  // namespace task::adapters::workers
