#pragma once
// String members of a JSON request body, read in FastAPI's way: every
// problem is reported at once, each at ["body", <name>] ("missing" or
// "string_type").

#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "shared/result.hpp"

namespace auth::adapters::http {

// The values of the required members `names`, in that order.
shared::Result<std::vector<std::string>> required_strings(const nlohmann::json& body,
                                                          std::initializer_list<const char*> names);

// An optional member: nullopt when absent or null, string_type when not a string.
shared::Result<std::optional<std::string>> optional_string(const nlohmann::json& body,
                                                           const char* name);

}  // namespace auth::adapters::http
