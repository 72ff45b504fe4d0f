#pragma once
// The bearer middleware: every /api route runs behind it. The token is
// verified locally (TokenVerifier), never by calling auth-service.

#include <functional>

#include "shared/http/router.hpp"
#include "task/domain/ports/token_verifier.hpp"

namespace task::adapters::http {

using AuthenticatedHandler =
    std::function<shared::http::Response(const shared::http::Request&, const domain::UserId&)>;

// 401 "Not authenticated" + `WWW-Authenticate: Bearer` without a bearer
// token; 401 with the verifier's reason + `error="invalid_token"` for a
// rejected one; otherwise `handler` with the caller's id.
shared::http::SyncHandler authenticated(const domain::TokenVerifier& verifier,
                                        AuthenticatedHandler handler);

}  // namespace task::adapters::http
