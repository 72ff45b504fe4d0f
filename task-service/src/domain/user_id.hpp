#pragma once
// The owner of a task: the token's `sub`. auth-service issues UUIDs and the
// tasks table stores them as `uuid`, so only the canonical 8-4-4-4-12 hex
// form is an owner; it is kept lower-cased so every adapter compares alike.

#include <optional>
#include <string>
#include <string_view>

namespace task::domain {

class UserId {
 public:
  UserId() = default;
  static std::optional<UserId> parse(std::string_view text);

  const std::string& str() const { return value_; }
  friend bool operator==(const UserId&, const UserId&) = default;
  friend auto operator<=>(const UserId&, const UserId&) = default;

 private:
  explicit UserId(std::string value) : value_(std::move(value)) {}
  std::string value_;
};

}  // namespace task::domain
