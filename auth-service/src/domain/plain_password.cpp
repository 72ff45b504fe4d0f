#include "auth/domain/plain_password.hpp"

#include "shared/text/utf8.hpp"

namespace auth::domain {

shared::Result<PlainPassword> PlainPassword::parse(std::string_view raw) {
  const auto invalid = [](std::string message) {
    return shared::Error::invalid_field({"password"}, std::move(message));
  };
  if (!shared::text::is_valid_utf8(raw))
    return invalid("Value error, password must be valid UTF-8");
  if (raw.size() < kMinBytes) return invalid("Value error, password must be at least 8 bytes");
  if (raw.size() > kMaxBytes) {
    return invalid("Value error, password must be at most 72 bytes of UTF-8");
  }
  if (raw.find('\0') != std::string_view::npos) {
    return invalid("Value error, password must not contain NUL characters");
  }
  return PlainPassword(std::string(raw));
}

}  // namespace auth::domain
