#include "task/app/feed_status.hpp"

#include <algorithm>

namespace task::app {

FeedStatus::FeedStatus(shared::time::Timestamp started)
    : last_answer_micros_(started.time_since_epoch().count()) {}

void FeedStatus::answered(shared::time::Timestamp at) {
  last_answer_micros_.store(at.time_since_epoch().count(), std::memory_order_release);
}

std::chrono::microseconds FeedStatus::lag(shared::time::Timestamp now) const {
  const auto last = last_answer_micros_.load(std::memory_order_acquire);
  return std::chrono::microseconds(
      std::max<std::int64_t>(now.time_since_epoch().count() - last, 0));
}

}  // namespace task::app
