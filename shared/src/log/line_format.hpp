#pragma once
// Turning one event into the text after the timestamp (spdlog's pattern
// writes the timestamp and, for JSON, the opening `{"ts":"...",`).

#include <string>
#include <string_view>

#include "shared/log/logging.hpp"

namespace shared::log::internal {

struct EventView {
  Level level;
  std::string_view service;
  std::string_view message;
  std::string_view request_id;  // empty: none
  std::initializer_list<Field> fields;
};

std::string_view level_name(Level level);

// `info auth-service request request_id=abc status=200`
std::string format_text_body(const EventView& event);
// `"level":"info","service":"auth-service","msg":"request",...}`
std::string format_json_body(const EventView& event);

// True when a field of that name was passed, so the automatic one is skipped.
bool has_field(const EventView& event, std::string_view key);

}  // namespace shared::log::internal
