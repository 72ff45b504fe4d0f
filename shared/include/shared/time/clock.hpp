#pragma once
// The one clock port: everything that needs "now" (token lifetimes, login
// failure windows, in-memory repositories, the token verifier) takes a
// Clock, so tests move time by hand instead of sleeping.

#include <atomic>
#include <chrono>

#include "shared/time/timestamp.hpp"

namespace shared::time {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual Timestamp now() const = 0;
};

// The machine's wall clock (UTC), at microsecond precision.
class SystemClock final : public Clock {
 public:
  Timestamp now() const override;
};

// The process-wide SystemClock, for defaults.
const Clock& system_clock();

// A clock that moves only when told to; thread-safe. For tests and tools.
class ManualClock final : public Clock {
 public:
  explicit ManualClock(Timestamp start) : micros_(start.time_since_epoch().count()) {}
  Timestamp now() const override { return Timestamp(std::chrono::microseconds(micros_.load())); }
  void advance(std::chrono::microseconds by) { micros_.fetch_add(by.count()); }
  void set(Timestamp to) { micros_.store(to.time_since_epoch().count()); }

 private:
  std::atomic<std::chrono::microseconds::rep> micros_;
};

}  // namespace shared::time
