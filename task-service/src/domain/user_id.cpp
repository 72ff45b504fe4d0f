#include "task/domain/user_id.hpp"

namespace task::domain {

std::optional<UserId> UserId::parse(std::string_view text) {
  if (text.size() != 36) return std::nullopt;
  std::string lowered(text);
  for (std::size_t i = 0; i < lowered.size(); ++i) {
    char& c = lowered[i];
    if (i == 8 || i == 13 || i == 18 || i == 23) {
      if (c != '-') return std::nullopt;
      continue;
    }
    if (c >= 'A' && c <= 'F') c = static_cast<char>(c - 'A' + 'a');
    const bool hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    if (!hex) return std::nullopt;
  }
  return UserId(std::move(lowered));
}

}  // namespace task::domain
