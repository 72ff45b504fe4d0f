#pragma once
// The Unicode facts the contract's rules need, for every service: lengths
// are counted in code points (what Python's len() counts), "trimmed" means
// what Python's str.strip() removes, and text must be well-formed UTF-8.
// Standard library only; no locale, so results never depend on the machine.

#include <cstddef>
#include <string>
#include <string_view>

namespace shared::text {

// Well-formed UTF-8: no overlongs, no surrogates, nothing above U+10FFFF.
bool is_valid_utf8(std::string_view text);

// Code points in valid UTF-8.
std::size_t code_point_count(std::string_view text);

// Without leading and trailing Unicode whitespace (Python's str.isspace()
// set), as str.strip() gives it. Expects valid UTF-8.
std::string_view trim_whitespace(std::string_view text);

// PostgreSQL's text cannot hold U+0000.
bool contains_nul(std::string_view text);

// Unicode's simple lower-case mapping of every code point (glibc's C.UTF-8
// table, the one PostgreSQL's lower() uses under a UTF-8 libc locale).
// Expects valid UTF-8 (returns anything else unchanged).
std::string to_lower(std::string_view text);

}  // namespace shared::text
