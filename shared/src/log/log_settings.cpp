#include <array>
#include <utility>

#include "shared/log/logging.hpp"

namespace shared::log {
namespace {

constexpr std::array<std::pair<const char*, Level>, 7> kLevels{{
    {"trace", Level::kTrace},
    {"debug", Level::kDebug},
    {"info", Level::kInfo},
    {"warn", Level::kWarn},
    {"error", Level::kError},
    {"critical", Level::kCritical},
    {"off", Level::kOff},
}};

}  // namespace

LogSettings load_log_settings(const config::Env& env) {
  std::vector<std::string> level_names;
  level_names.reserve(kLevels.size());
  for (const auto& [name, level] : kLevels) level_names.emplace_back(name);
  const std::string level = env.choice("LOG_LEVEL", "info", level_names);
  const std::string format = env.choice("LOG_FORMAT", "text", {"text", "json"});

  LogSettings settings;
  for (const auto& [name, value] : kLevels) {
    if (level == name) settings.level = value;
  }
  settings.format = format == "json" ? Format::kJson : Format::kText;
  return settings;
}

}  // namespace shared::log
