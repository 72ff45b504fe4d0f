#pragma once
// The one place where the protocol-agnostic error codes become HTTP answers:
//   kInvalidArgument  → 422 {"detail": [{"loc", "msg", "type"}...]} (FastAPI's shape)
//   kNotFound         → 404      kAlreadyExists → 409
//   kUnauthenticated  → 401 with WWW-Authenticate: Bearer
//   kPermissionDenied → 403      kRateLimited   → 429 with Retry-After
//   kUnavailable      → 503 "Service temporarily unavailable"
//   kInternal         → 500 "Internal server error" (the message is logged, never sent)

#include "shared/http/response.hpp"
#include "shared/result.hpp"

namespace shared::http {

Response error_response(const Error& error);

// 401 for a bearer token that was sent but rejected: adds error="invalid_token".
Response invalid_token_response(std::string_view detail);
// 401 for a request that carried no usable bearer token at all.
Response missing_token_response();

// 422 for one problem, from the catalogue in shared/violations.hpp.
Response validation_error(FieldViolation violation);

}  // namespace shared::http
