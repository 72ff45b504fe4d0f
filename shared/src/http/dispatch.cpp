#include "dispatch.hpp"

#include "shared/log/logging.hpp"
#include "shared/text/percent_decode.hpp"

#include "client_address.hpp"
#include "connection.hpp"
#include "exchange.hpp"
#include "request_id.hpp"
#include "request_target.hpp"

namespace shared::http {
namespace {

Response method_not_allowed(const std::vector<std::string>& allowed) {
  std::string allow;
  for (const auto& method : allowed) allow += (allow.empty() ? "" : ", ") + method;
  return Response::detail(405, "Method Not Allowed").with_header("Allow", allow);
}

// The framework-independent request, with the id and client address every
// log line and answer carries.
Request to_request(ParsedRequest&& parsed, const std::string& peer_address,
                   const ServerState& state) {
  Request request;
  RequestTarget target = parse_request_target(parsed.target);
  request.method = std::move(parsed.method);
  request.path = std::move(target.path);
  request.query = std::move(target.query);
  request.headers = std::move(parsed.headers);
  request.body = std::move(parsed.body);
  request.peer_address = peer_address;
  request.request_id = request_id_for(request.header("x-request-id").value_or(""));
  request.client_address = client_address(request.peer_address, request.header("x-forwarded-for"),
                                          state.trusted_proxies);
  return request;
}

}  // namespace

void dispatch(ParsedRequest parsed, const std::string& peer_address,
              std::shared_ptr<Connection> connection, const std::shared_ptr<ServerState>& state) {
  const bool keep_alive = parsed.keep_alive;
  Request request = to_request(std::move(parsed), peer_address, *state);
  log::ScopedRequestId scoped_id(request.request_id);

  Router::Match match = state->router.match(request.method, request.path);
  request.route = match.route;
  for (auto& [name, value] : match.params) {
    request.path_params.emplace_back(std::move(name), text::percent_decode(value, false));
  }
  auto exchange =
      std::make_shared<Exchange>(std::move(request), std::move(connection), keep_alive, state);

  switch (match.kind) {
    case Router::Match::Kind::kNotFound:
      return exchange->complete(Response::detail(404, "Not Found"));
    case Router::Match::Kind::kMethodNotAllowed:
      return exchange->complete(method_not_allowed(match.allowed_methods));
    case Router::Match::Kind::kFound:
      break;
  }

  // The exception barrier: whatever a handler throws becomes a logged 500
  // with a generic body; the text stays in the log, never in the response.
  try {
    (*match.handler)(exchange->request(), Responder(exchange));
  } catch (const std::exception& e) {
    log::error("unhandled exception in handler", {{"what", e.what()}});
    exchange->complete(Response::detail(500, "Internal server error"));
  } catch (...) {
    log::error("unhandled non-standard exception in handler");
    exchange->complete(Response::detail(500, "Internal server error"));
  }
}

void dispatch_error(const ParseError& error, const ParsedRequest& partial,
                    const std::string& peer_address, std::shared_ptr<Connection> connection,
                    const std::shared_ptr<ServerState>& state) {
  ParsedRequest copy = partial;
  copy.body.clear();
  Request request = to_request(std::move(copy), peer_address, *state);
  request.route = "unmatched";
  log::ScopedRequestId scoped_id(request.request_id);
  log::info("refused a request that cannot be served",
            {{"status", error.status}, {"reason", error.detail}});
  auto exchange = std::make_shared<Exchange>(std::move(request), std::move(connection),
                                             /*keep_alive=*/false, state);
  exchange->complete(Response::detail(error.status, error.detail));
}

}  // namespace shared::http
