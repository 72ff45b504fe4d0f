#pragma once
// PlainPassword: a password a user may choose. 8 to 72 BYTES of UTF-8, because
// bcrypt reads only the first 72 bytes: a longer password is rejected rather
// than silently truncated. NUL is refused too: C bcrypt implementations (and
// so hashes made elsewhere, e.g. python-bcrypt) stop at the first NUL, so such
// a password would not mean the same thing everywhere.
//
// Never log or print the value.

#include <string>
#include <string_view>

#include "shared/result.hpp"

namespace auth::domain {

class PlainPassword {
 public:
  static constexpr std::size_t kMinBytes = 8;
  static constexpr std::size_t kMaxBytes = 72;

  // kInvalidArgument with one violation at {"password"} when a rule is broken.
  static shared::Result<PlainPassword> parse(std::string_view raw);

  const std::string& reveal() const { return value_; }

 private:
  explicit PlainPassword(std::string value) : value_(std::move(value)) {}
  std::string value_;
};

}  // namespace auth::domain
