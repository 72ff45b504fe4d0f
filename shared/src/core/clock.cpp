#include "shared/time/clock.hpp"

namespace shared::time {

Timestamp SystemClock::now() const {
  return std::chrono::time_point_cast<std::chrono::microseconds>(std::chrono::system_clock::now());
}

const Clock& system_clock() {
  static const SystemClock clock;
  return clock;
}

}  // namespace shared::time
