#pragma once
#include <optional>
#include <string_view>

#include "shared/http/request.hpp"

namespace shared::http {

// The token of an `Authorization: Bearer <token>` header (scheme matched
// case-insensitively), or nullopt when the header is absent or another scheme.
std::optional<std::string_view> bearer_token(const Request& request);

}  // namespace shared::http
