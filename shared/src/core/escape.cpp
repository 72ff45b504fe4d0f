#include "shared/text/escape.hpp"

namespace shared::text {
namespace {

constexpr char kHex[] = "0123456789abcdef";

bool needs_escape(unsigned char c, EscapeStyle style) {
  return c < 0x20 || c == '"' || c == '\\' || (c == 0x7f && style == EscapeStyle::kLogfmt);
}

// The two-character escape of `c`, or nullptr when it has none in `style`.
const char* short_escape(unsigned char c, EscapeStyle style) {
  switch (c) {
    case '"':
      return "\\\"";
    case '\\':
      return "\\\\";
    case '\n':
      return "\\n";
    case '\r':
      return "\\r";
    case '\t':
      return "\\t";
    case '\b':
      return style == EscapeStyle::kJson ? "\\b" : nullptr;
    case '\f':
      return style == EscapeStyle::kJson ? "\\f" : nullptr;
    default:
      return nullptr;
  }
}

}  // namespace

void append_escaped(std::string& out, std::string_view text, EscapeStyle style) {
  // Runs that need no escaping are copied whole: most text is such a run.
  std::size_t run_start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (!needs_escape(c, style)) continue;
    out.append(text.substr(run_start, i - run_start));
    run_start = i + 1;
    if (const char* escape = short_escape(c, style)) {
      out += escape;
    } else {
      out += style == EscapeStyle::kJson ? "\\u00" : "\\x";
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 0xF]);
    }
  }
  out.append(text.substr(run_start));
}

}  // namespace shared::text
