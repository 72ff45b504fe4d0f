#pragma once
// A fixed set of worker threads with a bounded queue, for the CPU-heavy work
// (bcrypt) that must never run on an HTTP thread. When the queue is full,
// try_submit refuses at once, so a login storm gets quick 503s instead of an
// ever-growing backlog of requests that will time out anyway.

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace auth::adapters::workers {

class BoundedWorkerPool {
 public:
  // `queue_limit` counts jobs waiting for a worker (running ones excluded).
  BoundedWorkerPool(std::size_t workers, std::size_t queue_limit);
  ~BoundedWorkerPool();  // shutdown()
  BoundedWorkerPool(const BoundedWorkerPool&) = delete;
  BoundedWorkerPool& operator=(const BoundedWorkerPool&) = delete;

  // False, without running `job`, when the queue is full or shut down.
  [[nodiscard]] bool try_submit(std::function<void()> job);
  // Jobs waiting right now (the metrics gauge).
  std::size_t queue_depth() const;
  // Runs what is queued, then stops the workers. Idempotent.
  void shutdown();

 private:
  void work();

  const std::size_t queue_limit_;
  mutable std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<std::function<void()>> queue_;
  bool stopping_ = false;
  std::vector<std::thread> workers_;
};

}  // namespace auth::adapters::workers
