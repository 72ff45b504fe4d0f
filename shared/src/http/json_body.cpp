#include "shared/http/json_body.hpp"

#include "shared/violations.hpp"

namespace shared::http {
namespace {

// kUnsupportedMediaType for a body of another type than JSON (or `also_accepted`).
Error unsupported_media_type(std::string_view also_accepted = {}) {
  std::string message = "Content-Type must be application/json";
  if (!also_accepted.empty()) message += " or " + std::string(also_accepted);
  return Error::unsupported_media_type(message);
}

}  // namespace

bool is_json_media_type(std::string_view media_type) {
  if (media_type == "application/json") return true;
  return media_type.starts_with("application/") && media_type.ends_with("+json");
}

Result<nlohmann::json> json_object_body(const Request& request) {
  const std::string media_type = request.media_type();
  // FastAPI parses a body without Content-Type as JSON; so do we. Any other
  // declared type is refused rather than guessed at.
  if (!media_type.empty() && !is_json_media_type(media_type)) {
    return unsupported_media_type();
  }
  nlohmann::json parsed = nlohmann::json::parse(request.body, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded()) return Error::malformed_input("Request body is not valid JSON");
  if (!parsed.is_object()) return Error::malformed_input("Request body must be a JSON object");
  return parsed;
}

Result<nlohmann::json> required_json_object_body(const Request& request,
                                                 std::string_view also_accepted) {
  const std::string media_type = request.media_type();
  const bool json = media_type.empty() || is_json_media_type(media_type);
  if (!json) return unsupported_media_type(also_accepted);
  if (request.body.empty()) return Error::invalid_argument({violation::missing({"body"})});
  return json_object_body(request);
}

}  // namespace shared::http
