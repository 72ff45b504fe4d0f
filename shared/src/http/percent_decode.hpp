#pragma once
#include <string>
#include <string_view>

namespace shared::http {

// Decodes %XX escapes (and '+' as a space when `plus_is_space`, as query
// strings and forms use it). A malformed escape is kept literally.
// The value of one hexadecimal digit, or -1 for any other character.
int hex_digit_value(char c);

std::string percent_decode(std::string_view text, bool plus_is_space);

}  // namespace shared::http
