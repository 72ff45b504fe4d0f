#pragma once
// UUIDs in their canonical text form (8-4-4-4-12 hexadecimal digits), as
// PostgreSQL's uuid type and the tokens' `sub` carry them.

#include <optional>
#include <string>
#include <string_view>

namespace shared::text {

// The lower-cased canonical form of `text`, or nullopt when it is not one
// (no braces, no URN prefix, no missing dashes: what could not be an id we
// issued).
std::optional<std::string> parse_uuid(std::string_view text);

}  // namespace shared::text
