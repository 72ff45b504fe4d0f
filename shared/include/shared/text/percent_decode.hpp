#pragma once
// Percent-decoding (RFC 3986 §2.1), for request targets, query strings and
// application/x-www-form-urlencoded bodies alike.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace shared::text {

// The value of one hexadecimal digit, or -1 for any other character.
int hex_digit_value(char c);

// Decodes %XX escapes (and '+' as a space when `plus_is_space`, as query
// strings and forms use it). A malformed escape is kept literally, as
// Python's urllib.parse does. The result may be any bytes: callers that need
// text check it is UTF-8.
std::string percent_decode(std::string_view text, bool plus_is_space);

// `a=1&b=x+y%21` (a query string, or an application/x-www-form-urlencoded
// body) as decoded name/value pairs in order; "flag" alone is ("flag", ""),
// empty items are skipped.
std::vector<std::pair<std::string, std::string>> parse_urlencoded(std::string_view text);

}  // namespace shared::text
