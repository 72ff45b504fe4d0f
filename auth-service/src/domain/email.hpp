#pragma once
// Email: a normalised (trimmed, lower-cased) address that passed the
// contract's rules: ≤ 254 characters, exactly one '@', a non-empty local part,
// a domain containing a dot (not at either end), no blanks or control
// characters, valid UTF-8.

#include <string>
#include <string_view>

#include "shared/result.hpp"

namespace auth::domain {

class Email {
 public:
  static constexpr std::size_t kMaxCharacters = 254;
  static constexpr std::size_t kMaxRawBytes = 2048;  // before trimming

  // kInvalidArgument with one violation at {"email"} when a rule is broken.
  static shared::Result<Email> parse(std::string_view raw);
  // Trims and lower-cases without checking the rules (login looks up
  // whatever was typed; an address that could never be stored simply fails).
  static std::string normalise(std::string_view raw);

  const std::string& value() const { return value_; }
  friend bool operator==(const Email&, const Email&) = default;

 private:
  explicit Email(std::string value) : value_(std::move(value)) {}
  std::string value_;
};

}  // namespace auth::domain
