#pragma once
// The few Unicode facts the contract's rules need: lengths are counted in
// code points, and "trimmed" means what Python's str.strip() removes.

#include <cstddef>
#include <string_view>

namespace task::domain {

// Well-formed UTF-8 (no overlongs, no surrogates, ≤ U+10FFFF).
bool is_valid_utf8(std::string_view text);
// Code points in valid UTF-8.
std::size_t code_point_count(std::string_view text);
// Without leading and trailing Unicode whitespace (as str.strip()).
std::string_view trim_whitespace(std::string_view text);
// PostgreSQL text cannot hold U+0000.
bool contains_nul(std::string_view text);

}  // namespace task::domain
