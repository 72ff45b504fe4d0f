#pragma once
// Internal: the character classes and small helpers of HTTP's syntax
// (RFC 9110 §5.6), shared by the request parser and the head checks.

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

namespace shared::http::syntax {

// tchar: what a method, a header name or a token may be made of.
inline bool is_token_char(unsigned char c) {
  if (std::isalnum(c)) return true;
  return std::string_view("!#$%&'*+-.^_`|~").find(static_cast<char>(c)) != std::string_view::npos;
}

inline bool is_token(std::string_view text) {
  return !text.empty() &&
         std::all_of(text.begin(), text.end(), [](char c) { return is_token_char(c); });
}

// A field value may hold visible characters, spaces, tabs and obs-text
// (bytes ≥ 0x80), never another control character (CR, LF, NUL, ...).
inline bool is_field_value(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char ch) {
    const auto c = static_cast<unsigned char>(ch);
    return c == '\t' || (c >= 0x20 && c != 0x7f);
  });
}

// OWS: optional spaces and tabs around a value.
inline std::string_view trim_ows(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

inline std::string lowercase(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// The members of a comma-separated list (`#element`), trimmed and
// lower-cased, empty members dropped: "TE, close" → {"te", "close"}.
inline std::vector<std::string> list_members(std::string_view value) {
  std::vector<std::string> members;
  while (!value.empty()) {
    const auto comma = value.find(',');
    const auto member = trim_ows(value.substr(0, comma));
    if (!member.empty()) members.push_back(lowercase(member));
    if (comma == std::string_view::npos) break;
    value.remove_prefix(comma + 1);
  }
  return members;
}

}  // namespace shared::http::syntax
