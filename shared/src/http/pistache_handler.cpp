#include "pistache_handler.hpp"

#include <algorithm>
#include <cctype>

#include "shared/log/logging.hpp"

#include "client_address.hpp"
#include "exchange.hpp"
#include "percent_decode.hpp"
#include "request_id.hpp"

namespace shared::http {
namespace Http = Pistache::Http;
namespace {

std::string lowercase(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

// HTTP/1.1 keeps the connection unless told to close; HTTP/1.0 closes unless
// asked to keep it (RFC 9112 §9.3).
bool wants_keep_alive(const Http::Request& request) {
  const auto connection = request.headers().tryGet<Http::Header::Connection>();
  if (request.version() == Http::Version::Http11) {
    return !connection || connection->control() != Http::ConnectionControl::Close;
  }
  return connection && connection->control() == Http::ConnectionControl::KeepAlive;
}

Request to_request(const Http::Request& source) {
  Request request;
  request.method = Http::methodString(source.method());
  request.path = source.resource();
  for (auto it = source.query().parameters_begin(); it != source.query().parameters_end(); ++it) {
    request.query.emplace_back(percent_decode(it->first, true), percent_decode(it->second, true));
  }
  for (const auto& [name, raw] : source.headers().rawList()) {
    request.headers.emplace_back(lowercase(name), raw.value());
  }
  request.body = source.body();
  request.peer_address = source.address().host();
  return request;
}

Response method_not_allowed(const std::vector<std::string>& allowed) {
  std::string allow;
  for (const auto& method : allowed) allow += (allow.empty() ? "" : ", ") + method;
  return Response::detail(405, "Method Not Allowed").with_header("Allow", allow);
}

}  // namespace

void PistacheHandler::onRequest(const Http::Request& source, Http::ResponseWriter writer) {
  Request request = to_request(source);
  request.request_id = request_id_for(request.header("x-request-id").value_or(""));
  request.client_address = client_address(request.peer_address, request.header("x-forwarded-for"),
                                          state_->trusted_proxies);
  log::ScopedRequestId scoped_id(request.request_id);

  Router::Match match = state_->router.match(request.method, request.path);
  request.route = match.route;
  for (auto& [name, value] : match.params) {
    request.path_params.emplace_back(std::move(name), percent_decode(value, false));
  }
  auto exchange = std::make_shared<Exchange>(std::move(request), std::move(writer),
                                             wants_keep_alive(source), state_);

  if (exchange->request().body.size() > state_->max_body_bytes) {
    return exchange->complete(Response::detail(413, "Request body too large"));
  }
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

}  // namespace shared::http
