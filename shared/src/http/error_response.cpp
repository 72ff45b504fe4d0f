#include "shared/http/error_response.hpp"

#include <chrono>
#include <cstdint>
#include <mutex>

#include "shared/log/logging.hpp"

namespace shared::http {
namespace {

// A dependency that is down (the database, the revocation feed) fails every
// request alike: one warning a second says so, with how many answers it
// stands for, instead of one line per request.
void warn_unavailable(const std::string& reason) {
  static std::mutex mutex;
  static std::chrono::steady_clock::time_point last_logged;
  static std::uint64_t unlogged = 0;
  std::uint64_t answers = 0;
  {
    std::lock_guard lock(mutex);
    ++unlogged;
    const auto now = std::chrono::steady_clock::now();
    if (now - last_logged < std::chrono::seconds(1)) return;
    last_logged = now;
    answers = unlogged;
    unlogged = 0;
  }
  log::warn("dependency unavailable", {{"reason", reason}, {"answers_503", answers}});
}

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

// Whole seconds, at least 1: "Retry-After: 0" would invite a retry storm.
std::string retry_after_seconds(std::optional<std::chrono::seconds> retry_after) {
  const auto seconds = retry_after.value_or(std::chrono::seconds(1)).count();
  return std::to_string(std::max<long long>(seconds, 1));
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
    case ErrorCode::kInvalidToken:
      return Response::detail(401, error.message)
          .with_header("WWW-Authenticate", R"(Bearer error="invalid_token")");
    case ErrorCode::kPermissionDenied:
      return Response::detail(403, error.message);
    case ErrorCode::kRateLimited:
      return Response::detail(429, error.message)
          .with_header("Retry-After", retry_after_seconds(error.retry_after));
    case ErrorCode::kUnavailable: {
      warn_unavailable(error.message);
      auto response = Response::detail(503, "Service temporarily unavailable");
      if (error.retry_after)
        response.with_header("Retry-After", retry_after_seconds(error.retry_after));
      return response;
    }
    case ErrorCode::kMalformedInput:
      return Response::detail(400, error.message);
    case ErrorCode::kUnsupportedMediaType:
      return Response::detail(415, error.message);
    case ErrorCode::kInternal:
      break;
  }
  log::error("internal error", {{"reason", error.message}});
  return Response::detail(500, "Internal server error");
}

}  // namespace shared::http
