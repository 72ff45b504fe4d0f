#include "task/domain/user_id.hpp"

#include "shared/text/uuid.hpp"

namespace task::domain {

std::optional<UserId> UserId::parse(std::string_view text) {
  auto canonical = shared::text::parse_uuid(text);
  if (!canonical) return std::nullopt;
  return UserId(std::move(*canonical));
}

}  // namespace task::domain
