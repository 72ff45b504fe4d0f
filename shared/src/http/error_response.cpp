#include "shared/http/error_response.hpp"

#include "shared/log/logging.hpp"

namespace shared::http {
namespace {

nlohmann::json location_json(const Location& location) {
  nlohmann::json loc = nlohmann::json::array();
  for (const auto& part : location) {
    if (part.is_index()) {
      loc.push_back(part.position());
    } else {
      loc.push_back(part.text());
    }
  }
  return loc;
}

Response validation_response(const std::vector<FieldViolation>& violations) {
  nlohmann::json detail = nlohmann::json::array();
  for (const auto& violation : violations) {
    detail.push_back({{"loc", location_json(violation.location)},
                      {"msg", violation.message},
                      {"type", violation.type}});
  }
  return Response::json(422, {{"detail", detail}});
}

}  // namespace

Response error_response(const Error& error) {
  switch (error.code) {
    case ErrorCode::kInvalidArgument:
      if (error.violations.empty()) return Response::detail(422, error.message);
      return validation_response(error.violations);
    case ErrorCode::kNotFound:
      return Response::detail(404, error.message);
    case ErrorCode::kAlreadyExists:
      return Response::detail(409, error.message);
    case ErrorCode::kUnauthenticated:
      return Response::detail(401, error.message).with_header("WWW-Authenticate", "Bearer");
    case ErrorCode::kPermissionDenied:
      return Response::detail(403, error.message);
    case ErrorCode::kRateLimited: {
      const auto seconds = error.retry_after.value_or(std::chrono::seconds(1)).count();
      return Response::detail(429, error.message)
          .with_header("Retry-After", std::to_string(std::max<long long>(seconds, 1)));
    }
    case ErrorCode::kUnavailable:
      log::warn("dependency unavailable", {{"reason", error.message}});
      return Response::detail(503, "Service temporarily unavailable");
    case ErrorCode::kInternal:
      break;
  }
  log::error("internal error", {{"reason", error.message}});
  return Response::detail(500, "Internal server error");
}

Response invalid_token_response(std::string_view detail) {
  return Response::detail(401, detail)
      .with_header("WWW-Authenticate", R"(Bearer error="invalid_token")");
}

Response missing_token_response() {
  return Response::detail(401, "Not authenticated").with_header("WWW-Authenticate", "Bearer");
}

Response validation_error(FieldViolation violation) {
  return validation_response({std::move(violation)});
}

}  // namespace shared::http
