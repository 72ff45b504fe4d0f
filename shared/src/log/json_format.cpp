// The machine-oriented line: one JSON object. Strings go through
// nlohmann::json's serializer, which escapes quotes and control characters;
// error_handler_t::replace turns invalid UTF-8 into U+FFFD instead of throwing,
// so no input can break the line or the logger.
#include <nlohmann/json.hpp>

#include "field_value.hpp"
#include "line_format.hpp"

namespace shared::log::internal {
namespace {

void append_json_string(std::string& out, std::string_view text) {
  out += nlohmann::json(std::string(text))
             .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// JSON has no NaN or infinity.
constexpr ValueSyntax kJsonValues{append_json_string,
                                  [](double) { return std::string_view("null"); }};

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
    append_field_value(out, field.value, kJsonValues);
  }
  out += '}';
  return out;
}

}  // namespace shared::log::internal
