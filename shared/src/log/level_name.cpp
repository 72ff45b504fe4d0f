#include "line_format.hpp"

namespace shared::log::internal {

std::string_view level_name(Level level) {
  switch (level) {
    case Level::kTrace:
      return "trace";
    case Level::kDebug:
      return "debug";
    case Level::kInfo:
      return "info";
    case Level::kWarn:
      return "warn";
    case Level::kError:
      return "error";
    case Level::kCritical:
      return "critical";
    case Level::kOff:
      return "off";
  }
  return "unknown";
}

bool has_field(const EventView& event, std::string_view key) {
  for (const Field& field : event.fields) {
    if (field.key == key) return true;
  }
  return false;
}

}  // namespace shared::log::internal
