#pragma once
// Logging set-up and structured events on top of spdlog.
//
// LOG_FORMAT=text gives `2026-11-24T10:58:46.123Z info <service> message k=v k=v`
// (values with blanks, quotes or control characters are quoted and escaped),
// LOG_FORMAT=json one JSON object per line with the same fields:
// {"ts":"...Z","level":"info","service":"...","msg":"...","k":"v"}; strings are
// escaped (invalid UTF-8 becomes U+FFFD), numbers and bools stay JSON numbers
// and bools, and a field named ts/level/service/msg is written as field_<name>.
// Timestamps are UTC with milliseconds. Every line is flushed. The request
// id of the request being handled on this thread (ScopedRequestId) is added to
// every event automatically, so all lines of one request can be found.
//
// Never pass a password, hash, token or secret as a field: nothing here can
// tell them apart from other strings.

#include <cstdint>
#include <initializer_list>
#include <iosfwd>
#include <string>
#include <string_view>
#include <variant>

#include "shared/config/env.hpp"

namespace shared::log {

enum class Level { kTrace, kDebug, kInfo, kWarn, kError, kCritical, kOff };
enum class Format { kText, kJson };

struct LogSettings {
  Level level = Level::kInfo;     // LOG_LEVEL: trace|debug|info|warn|error|critical|off
  Format format = Format::kText;  // LOG_FORMAT: text|json
};
LogSettings load_log_settings(const config::Env& env);

// Installs the process-wide logger (stderr). Call once from main().
// Until then events go to stderr as text at level info.
void configure(const LogSettings& settings, std::string_view service_name);
// The same, writing to `sink` instead of stderr (tests capture output this
// way). `sink` must outlive every later event, or the next configure() call.
void configure(const LogSettings& settings, std::string_view service_name, std::ostream& sink);

using FieldValue = std::variant<std::string, std::string_view, const char*, std::int64_t, int,
                                unsigned, std::uint64_t, double, bool>;
struct Field {
  std::string_view key;
  FieldValue value;
};

void event(Level level, std::string_view message, std::initializer_list<Field> fields = {});
inline void debug(std::string_view m, std::initializer_list<Field> f = {}) {
  event(Level::kDebug, m, f);
}
inline void info(std::string_view m, std::initializer_list<Field> f = {}) {
  event(Level::kInfo, m, f);
}
inline void warn(std::string_view m, std::initializer_list<Field> f = {}) {
  event(Level::kWarn, m, f);
}
inline void error(std::string_view m, std::initializer_list<Field> f = {}) {
  event(Level::kError, m, f);
}

// While alive, events logged on this thread carry `request_id` (unless the
// event passes its own `request_id` field); nested scopes restore the outer id.
class ScopedRequestId {
 public:
  explicit ScopedRequestId(std::string_view request_id);
  ~ScopedRequestId();
  ScopedRequestId(const ScopedRequestId&) = delete;
  ScopedRequestId& operator=(const ScopedRequestId&) = delete;

 private:
  std::string previous_;
};

}  // namespace shared::log
