#include "shared/text/uuid.hpp"

#include <cctype>

namespace shared::text {

std::optional<std::string> parse_uuid(std::string_view text) {
  if (text.size() != 36) return std::nullopt;
  std::string canonical(text);
  for (std::size_t i = 0; i < canonical.size(); ++i) {
    const bool dash_position = i == 8 || i == 13 || i == 18 || i == 23;
    const auto c = static_cast<unsigned char>(canonical[i]);
    if (dash_position != (c == '-')) return std::nullopt;
    if (!dash_position && !std::isxdigit(c)) return std::nullopt;
    canonical[i] = static_cast<char>(std::tolower(c));
  }
  return canonical;
}

}  // namespace shared::text
