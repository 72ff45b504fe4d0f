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

// The same for an endpoint whose body is required: no body at all (with no
// or a JSON Content-Type) is FastAPI's 422 `missing` at ["body"] rather
// than a 400. `also_accepted` names other media types the endpoint takes,
// for the 415's message (e.g. "application/x-www-form-urlencoded").
std::variant<nlohmann::json, Response> required_json_object_body(
    const Request& request, std::string_view also_accepted = {});

// The 415 for a body of another type than JSON (or `also_accepted`).
Response unsupported_media_type(std::string_view also_accepted = {});

// True for application/json and application/*+json, with any parameters.
bool is_json_media_type(std::string_view media_type);

}  // namespace shared::http
