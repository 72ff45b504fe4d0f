#pragma once
// Points the process-wide logger at a string stream for one test, and puts a
// harmless stderr logger back afterwards (the stream dies with the test).

#include <sstream>
#include <string>
#include <vector>

#include "shared/log/logging.hpp"

namespace test {

class CapturedLog {
 public:
  explicit CapturedLog(shared::log::Format format,
                       shared::log::Level level = shared::log::Level::kTrace,
                       std::string_view service = "test-service") {
    shared::log::configure({level, format}, service, stream_);
  }
  ~CapturedLog() { shared::log::configure({shared::log::Level::kOff, {}}, "after-test"); }
  CapturedLog(const CapturedLog&) = delete;
  CapturedLog& operator=(const CapturedLog&) = delete;

  std::string text() const { return stream_.str(); }

  // Every line, without its '\n'; the output must end with one.
  std::vector<std::string> lines() const {
    std::vector<std::string> result;
    std::istringstream in(stream_.str());
    for (std::string line; std::getline(in, line);) result.push_back(line);
    return result;
  }

 private:
  std::ostringstream stream_;
};

}  // namespace test
