#include "shared/text/escape.hpp"

#include <catch2/catch.hpp>

using shared::text::append_escaped;
using shared::text::EscapeStyle;

namespace {
std::string escaped(std::string_view text, EscapeStyle style) {
  std::string out = "<";
  append_escaped(out, text, style);  // appends: what was there stays
  return out;
}
}  // namespace

TEST_CASE("plain text and UTF-8 pass through in both styles", "[unit][escape]") {
  for (const auto style : {EscapeStyle::kJson, EscapeStyle::kLogfmt}) {
    CHECK(escaped("", style) == "<");
    CHECK(escaped("Buy milk", style) == "<Buy milk");
    CHECK(escaped("caf\xC3\xA9 \xF0\x9F\x98\x80", style) == "<caf\xC3\xA9 \xF0\x9F\x98\x80");
  }
}

TEST_CASE("quotes, backslashes, newlines and tabs are escaped short in both styles",
          "[unit][escape]") {
  for (const auto style : {EscapeStyle::kJson, EscapeStyle::kLogfmt}) {
    CHECK(escaped(R"(say "hi" \ bye)", style) == R"(<say \"hi\" \\ bye)");
    CHECK(escaped("a\nb\rc\td", style) == R"(<a\nb\rc\td)");
  }
}

TEST_CASE("JSON writes the other control characters as u00XX escapes and keeps DEL",
          "[unit][escape]") {
  CHECK(escaped(std::string_view("\x00\x01\x1f", 3), EscapeStyle::kJson) ==
        R"(<\u0000\u0001\u001f)");
  CHECK(escaped("\b\f", EscapeStyle::kJson) == R"(<\b\f)");
  CHECK(escaped("\x7f", EscapeStyle::kJson) == "<\x7f");
}

TEST_CASE("logfmt writes the other control characters and DEL as xXX escapes", "[unit][escape]") {
  CHECK(escaped(std::string_view("\x00\x07\x1b", 3), EscapeStyle::kLogfmt) == R"(<\x00\x07\x1b)");
  CHECK(escaped("\b\f\x7f", EscapeStyle::kLogfmt) == R"(<\x08\x0c\x7f)");
}
