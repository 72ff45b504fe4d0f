#pragma once
// The one place where the protocol-agnostic error codes become HTTP answers:
//   kInvalidArgument  → 422 {"detail": [{"loc", "msg", "type"}...]} (FastAPI's shape)
//   kNotFound         → 404      kAlreadyExists → 409
//   kUnauthenticated  → 401 with WWW-Authenticate: Bearer
//   kInvalidToken     → 401 with WWW-Authenticate: Bearer error="invalid_token"
//   kPermissionDenied → 403      kRateLimited   → 429 with Retry-After
//   kUnavailable      → 503 "Service temporarily unavailable" (Retry-After when known)
//   kMalformedInput   → 400      kUnsupportedMediaType → 415
//   kInternal         → 500 "Internal server error" (the message is logged, never sent)

#include "shared/http/response.hpp"
#include "shared/result.hpp"

namespace shared::http {

Response error_response(const Error& error);

}  // namespace shared::http
