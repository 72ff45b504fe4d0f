#pragma once
#include <string_view>

#include "shared/http/request.hpp"
#include "shared/result.hpp"

namespace shared::http {

// The token of an `Authorization: Bearer <token>` header (scheme matched
// case-insensitively), or kUnauthenticated "Not authenticated" when the
// header is absent, empty or of another scheme (a plain Bearer challenge).
Result<std::string_view> bearer_token(const Request& request);

}  // namespace shared::http
