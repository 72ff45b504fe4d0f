#pragma once
#include <chrono>

namespace auth::domain {

// The wall clock, injectable so tests can move time (token lifetimes, the
// login failure window).
class Clock {
 public:
  virtual ~Clock() = default;
  virtual std::chrono::system_clock::time_point now() const = 0;
};

}  // namespace auth::domain
