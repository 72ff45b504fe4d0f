#pragma once
// Reading a JSON object body with the contract's checks, in this order:
// a non-JSON Content-Type → 415; invalid JSON or not an object → 400.
// (The size limit, 413, is enforced before any handler runs.) Problems are
// errors for error_response(), the one place that picks the status.

#include <string_view>

#include <nlohmann/json.hpp>

#include "shared/http/request.hpp"
#include "shared/result.hpp"

namespace shared::http {

// The parsed object, or kUnsupportedMediaType (415) / kMalformedInput (400).
Result<nlohmann::json> json_object_body(const Request& request);

// The same for an endpoint whose body is required: no body at all (with no
// or a JSON Content-Type) is FastAPI's 422 `missing` at ["body"] rather
// than a 400. `also_accepted` names other media types the endpoint takes,
// for the 415's message (e.g. "application/x-www-form-urlencoded").
Result<nlohmann::json> required_json_object_body(const Request& request,
                                                 std::string_view also_accepted = {});

// True for application/json and application/*+json, with any parameters.
bool is_json_media_type(std::string_view media_type);

}  // namespace shared::http
