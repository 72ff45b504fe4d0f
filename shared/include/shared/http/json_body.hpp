#pragma once
// Reading a JSON object body with the contract's checks, in this order:
// a non-JSON Content-Type → 415; invalid JSON or not an object → 400.
// (The size limit, 413, is enforced before any handler runs.)

#include <variant>

#include <nlohmann/json.hpp>

#include "shared/http/request.hpp"
#include "shared/http/response.hpp"

namespace shared::http {

// The parsed object, or the error response to send instead.
std::variant<nlohmann::json, Response> json_object_body(const Request& request);

// True for application/json and application/*+json, with any parameters.
bool is_json_media_type(std::string_view media_type);

}  // namespace shared::http
