#include "shared/http/response.hpp"

namespace shared::http {

Response Response::json(int status, const nlohmann::json& body) {
  Response response;
  response.status = status;
  // Replace invalid UTF-8 rather than throw: a stored string must never turn
  // a good answer into a 500.
  response.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return response;
}

Response Response::detail(int status, std::string_view message) {
  return json(status, {{"detail", message}});
}

Response Response::no_content() {
  Response response;
  response.status = 204;
  response.content_type.clear();
  return response;
}

}  // namespace shared::http
