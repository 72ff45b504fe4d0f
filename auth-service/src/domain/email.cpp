#include "auth/domain/email.hpp"

#include <algorithm>

#include "shared/text/utf8.hpp"

namespace auth::domain {
namespace {

bool is_blank(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && is_blank(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_blank(text.back())) text.remove_suffix(1);
  return text;
}

// Spaces, ASCII controls, DEL, and the C1 controls (U+0080..U+009F, which
// UTF-8 encodes as C2 80..C2 9F) and U+00A0 (no-break space).
bool has_blank_or_control(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c <= 0x20 || c == 0x7F) return true;
    if (c == 0xC2 && i + 1 < text.size()) {
      const auto next = static_cast<unsigned char>(text[i + 1]);
      if (next >= 0x80 && next <= 0xA0) return true;
    }
  }
  return false;
}

std::string rule_broken(std::string_view normalised) {
  if (normalised.empty()) return "value is not a valid email address: an email address is required";
  if (shared::text::code_point_count(normalised) > Email::kMaxCharacters) {
    return "value is not a valid email address: it must be at most 254 characters";
  }
  if (has_blank_or_control(normalised)) {
    return "value is not a valid email address: it must not contain spaces or control characters";
  }
  if (std::count(normalised.begin(), normalised.end(), '@') != 1) {
    return "value is not a valid email address: it must contain exactly one @-sign";
  }
  const auto at = normalised.find('@');
  if (at == 0)
    return "value is not a valid email address: there must be something before the @-sign";
  const auto domain = normalised.substr(at + 1);
  const auto dot = domain.find('.');
  if (dot == std::string_view::npos || domain.front() == '.' || domain.back() == '.') {
    return "value is not a valid email address: the part after the @-sign is not a valid domain";
  }
  return {};
}

}  // namespace

std::string Email::normalise(std::string_view raw) {
  const auto trimmed = trim(raw);
  if (!shared::text::is_valid_utf8(trimmed)) return std::string(trimmed);
  return shared::text::to_lower(trimmed);
}

shared::Result<Email> Email::parse(std::string_view raw) {
  // 254 characters are at most 1016 bytes of UTF-8; allow generous blanks
  // around them. Anything longer is refused unread, so a huge "email" (a
  // login body may hold 64 KiB of one) costs nothing to turn down.
  if (raw.size() > kMaxRawBytes) {
    return shared::Error::invalid_field(
        {"email"}, "value is not a valid email address: it must be at most 254 characters");
  }
  if (!shared::text::is_valid_utf8(raw)) {
    return shared::Error::invalid_field({"email"},
                                        "value is not a valid email address: invalid UTF-8");
  }
  std::string normalised = normalise(raw);
  if (auto problem = rule_broken(normalised); !problem.empty()) {
    return shared::Error::invalid_field({"email"}, std::move(problem));
  }
  return Email(std::move(normalised));
}

}  // namespace auth::domain
