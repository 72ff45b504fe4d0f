#pragma once
// Backslash-escaping inside a quoted string, for the two places text leaves
// as a quoted string: JSON response bodies and logfmt-style log lines.

#include <string>
#include <string_view>

namespace shared::text {

// How a control character without a short escape is written.
enum class EscapeStyle {
  kJson,    // RFC 8259: \b and \f short, the rest \u00XX; DEL passes through
  kLogfmt,  // \xXX, DEL included, so a log line shows no raw control byte
};

// Appends `text` (without the surrounding quotes) with `"` and `\` escaped,
// \n \r \t written short, and every other control character as `style`
// says. Bytes from 0x80 up pass through untouched: UTF-8 stays UTF-8.
void append_escaped(std::string& out, std::string_view text, EscapeStyle style);

}  // namespace shared::text
