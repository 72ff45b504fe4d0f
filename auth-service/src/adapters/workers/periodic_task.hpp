#pragma once
// Runs a function every `interval` on its own thread until destroyed (or
// stop()), e.g. catching up with the revocation log and pruning it. A slow
// run delays the next one rather than overlapping it; stop() waits for the
// run in progress and returns at once otherwise.

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace auth::adapters::workers {

class PeriodicTask {
 public:
  PeriodicTask(std::chrono::milliseconds interval, std::function<void()> run);
  ~PeriodicTask();
  PeriodicTask(const PeriodicTask&) = delete;
  PeriodicTask& operator=(const PeriodicTask&) = delete;

  void stop();

 private:
  void loop();

  std::chrono::milliseconds interval_;
  std::function<void()> run_;
  std::mutex mutex_;
  std::condition_variable stopping_;
  bool stop_ = false;
  std::thread thread_;  // last: starts once the members above exist
};

}  // namespace auth::adapters::workers
