#pragma once
// UTF-8 helpers the value objects need. Standard library only.

#include <cstddef>
#include <string>
#include <string_view>

namespace auth::domain::utf8 {

// Well-formed UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
bool is_valid(std::string_view text);

// Code points in valid UTF-8 (what Python's len() counts).
std::size_t code_point_count(std::string_view text);

// Lower-cases ASCII and the cased letters of Latin-1, Latin Extended-A, Greek
// and Cyrillic; other code points pass through. No locale: the result must not
// depend on the machine. Expects valid UTF-8.
std::string to_lower(std::string_view text);

}  // namespace auth::domain::utf8
