// The human-oriented line: `level service message key=value ...`. Control
// characters are escaped so one event is always exactly one line.
#include <charconv>
#include <cmath>
#include <cstdio>

#include "line_format.hpp"

namespace shared::log::internal {
namespace {

bool needs_quotes(std::string_view value) {
  if (value.empty()) return true;
  for (const unsigned char c : value) {
    if (c <= 0x20 || c == 0x7f || c == '"' || c == '=' || c == '\\') return true;
  }
  return false;
}

void append_escaped(std::string& out, std::string_view text) {
  for (const unsigned char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c < 0x20 || c == 0x7f) {
          char hex[8];
          std::snprintf(hex, sizeof hex, "\\x%02x", c);
          out += hex;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
}

void append_string_value(std::string& out, std::string_view value) {
  if (!needs_quotes(value)) {
    out += value;
    return;
  }
  out += '"';
  append_escaped(out, value);
  out += '"';
}

void append_double(std::string& out, double value) {
  if (!std::isfinite(value)) {
    out += std::isnan(value) ? "nan" : (value > 0 ? "inf" : "-inf");
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
          append_string_value(out, v == nullptr ? std::string_view("null") : std::string_view(v));
        } else if constexpr (std::is_arithmetic_v<T>) {
          out += std::to_string(v);
        } else {
          append_string_value(out, v);
        }
      },
      value);
}

}  // namespace

std::string format_text_body(const EventView& event) {
  std::string out;
  out.reserve(64 + event.message.size());
  out += level_name(event.level);
  out += ' ';
  out += event.service;
  out += ' ';
  append_escaped(out, event.message);
  if (!event.request_id.empty() && !has_field(event, "request_id")) {
    out += " request_id=";
    append_string_value(out, event.request_id);
  }
  for (const Field& field : event.fields) {
    out += ' ';
    out += field.key;
    out += '=';
    append_value(out, field.value);
  }
  return out;
}

}  // namespace shared::log::internal
