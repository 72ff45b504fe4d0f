#include "auth/adapters/workers/bounded_worker_pool.hpp"

#include "shared/log/logging.hpp"

namespace auth::adapters::workers {

BoundedWorkerPool::BoundedWorkerPool(std::size_t workers, std::size_t queue_limit)
    : queue_limit_(queue_limit) {
  workers_.reserve(workers);
  for (std::size_t i = 0; i < workers; ++i) workers_.emplace_back([this] { work(); });
}

BoundedWorkerPool::~BoundedWorkerPool() {
  shutdown();
}

bool BoundedWorkerPool::try_submit(std::function<void()> job) {
  {
    std::lock_guard lock(mutex_);
    if (stopping_ || queue_.size() >= queue_limit_) return false;
    queue_.push_back(std::move(job));
  }
  ready_.notify_one();
  return true;
}

std::size_t BoundedWorkerPool::queue_depth() const {
  std::lock_guard lock(mutex_);
  return queue_.size();
}

void BoundedWorkerPool::shutdown() {
  {
    std::lock_guard lock(mutex_);
    if (stopping_ && workers_.empty()) return;
    stopping_ = true;
  }
  ready_.notify_all();
  for (auto& worker : workers_) {
    if (worker.joinable()) worker.join();
  }
  workers_.clear();
}

void BoundedWorkerPool::work() {
  for (;;) {
    std::function<void()> job;
    {
      std::unique_lock lock(mutex_);
      ready_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, and nothing left to run
      job = std::move(queue_.front());
      queue_.pop_front();
    }
    // A job that throws must not take the worker (and the service) down.
    try {
      job();
    } catch (const std::exception& e) {
      shared::log::error("worker job failed", {{"error", e.what()}});
    } catch (...) {
      shared::log::error("worker job failed");
    }
  }
}

}  // namespace auth::adapters::workers
