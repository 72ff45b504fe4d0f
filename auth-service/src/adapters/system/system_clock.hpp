#pragma once
#include "auth/domain/ports/clock.hpp"

namespace auth::adapters::system {

class SystemClock final : public domain::Clock {
 public:
  std::chrono::system_clock::time_point now() const override {
    return std::chrono::system_clock::now();
  }
};

}  // namespace auth::adapters::system
