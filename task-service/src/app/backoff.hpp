#pragma once
// Exponential backoff for retrying a dependency that does not answer: the
// first pause is short so a blip costs little, the cap keeps a long outage
// from being noticed late once it ends.

#include <algorithm>
#include <chrono>

namespace task::app {

class Backoff {
 public:
  Backoff(std::chrono::milliseconds first, std::chrono::milliseconds max)
      : first_(first), max_(max), next_(first) {}

  // The pause before the next attempt; each call doubles the one after.
  std::chrono::milliseconds next() {
    const auto pause = next_;
    next_ = std::min(next_ * 2, max_);
    return pause;
  }
  void reset() { next_ = first_; }

 private:
  std::chrono::milliseconds first_;
  std::chrono::milliseconds max_;
  std::chrono::milliseconds next_;
};

}  // namespace task::app
