// The machine-oriented line: one JSON object. Strings go through
// nlohmann::json's serializer, which escapes quotes and control characters;
// error_handler_t::replace turns invalid UTF-8 into U+FFFD instead of throwing,
// so no input can break the line or the logger.
#include <charconv>
#include <cmath>

#include <nlohmann/json.hpp>

#include "line_format.hpp"

namespace shared::log::internal {
namespace {

void append_json_string(std::string& out, std::string_view text) {
  out += nlohmann::json(std::string(text))
             .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void append_double(std::string& out, double value) {
  if (!std::isfinite(value)) {
    out += "null";  // JSON has no NaN or infinity
    return;
  }
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  out.append(buffer, result.ptr);
}

void append_value(std::string& out, const FieldValue& value) {
  std::visit(
      [&out](const auto& v) {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, bool>) {
          out += v ? "true" : "false";
        } else if constexpr (std::is_same_v<T, double>) {
          append_double(out, v);
        } else if constexpr (std::is_same_v<T, const char*>) {
          if (v == nullptr) {
            out += "null";
          } else {
            append_json_string(out, v);
          }
        } else if constexpr (std::is_arithmetic_v<T>) {
          out += std::to_string(v);
        } else {
          append_json_string(out, v);
        }
      },
      value);
}

// The line's own keys cannot be overwritten (or duplicated) by a field.
bool is_reserved_key(std::string_view key) {
  return key == "ts" || key == "level" || key == "service" || key == "msg";
}

void append_member(std::string& out, std::string_view key) {
  out += ',';
  append_json_string(out, is_reserved_key(key) ? "field_" + std::string(key) : std::string(key));
  out += ':';
}

}  // namespace

std::string format_json_body(const EventView& event) {
  std::string out;
  out.reserve(96 + event.message.size());
  out += "\"level\":\"";
  out += level_name(event.level);
  out += "\",\"service\":";
  append_json_string(out, event.service);
  out += ",\"msg\":";
  append_json_string(out, event.message);
  if (!event.request_id.empty() && !has_field(event, "request_id")) {
    append_member(out, "request_id");
    append_json_string(out, event.request_id);
  }
  for (const Field& field : event.fields) {
    append_member(out, field.key);
    append_value(out, field.value);
  }
  out += '}';
  return out;
}

}  // namespace shared::log::internal
