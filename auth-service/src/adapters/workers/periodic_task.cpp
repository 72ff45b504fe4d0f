#include "auth/adapters/workers/periodic_task.hpp"

#include <exception>

#include "shared/log/logging.hpp"

namespace auth::adapters::workers {

PeriodicTask::PeriodicTask(std::chrono::milliseconds interval, std::function<void()> run)
    : interval_(interval), run_(std::move(run)), thread_([this] { loop(); }) {}

PeriodicTask::~PeriodicTask() {
  stop();
}

void PeriodicTask::stop() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  stopping_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void PeriodicTask::loop() {
  std::unique_lock lock(mutex_);
  while (!stopping_.wait_for(lock, interval_, [this] { return stop_; })) {
    lock.unlock();
    try {
      run_();
    } catch (const std::exception& e) {
      // A background job must not take the process down; it runs again.
      shared::log::error("periodic task failed", {{"error", e.what()}});
    }
    lock.lock();
  }
}

}  // namespace auth::adapters::workers
