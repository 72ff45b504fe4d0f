// The human-oriented line: `level service message key=value ...`. Control
// characters are escaped so one event is always exactly one line.
#include <cmath>

#include "shared/text/escape.hpp"

#include "field_value.hpp"
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
  shared::text::append_escaped(out, text, shared::text::EscapeStyle::kLogfmt);
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

std::string_view non_finite_text(double value) {
  return std::isnan(value) ? "nan" : (value > 0 ? "inf" : "-inf");
}

constexpr ValueSyntax kTextValues{append_string_value, non_finite_text};

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
    append_field_value(out, field.value, kTextValues);
  }
  return out;
}

}  // namespace shared::log::internal
