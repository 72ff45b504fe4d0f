#include "task/adapters/http/authenticated.hpp"

#include "shared/http/bearer.hpp"
#include "shared/http/error_response.hpp"

namespace task::adapters::http {

shared::http::SyncHandler authenticated(const domain::TokenVerifier& verifier,
                                        AuthenticatedHandler handler) {
  return [&verifier, handler = std::move(handler)](const shared::http::Request& request) {
    const auto token = shared::http::bearer_token(request);
    if (!token) return shared::http::error_response(token.error());
    const auto caller = verifier.verify(*token);
    if (!caller) return shared::http::error_response(caller.error());
    return handler(request, *caller);
  };
}

}  // namespace task::adapters::http
