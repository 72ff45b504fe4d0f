#pragma once
// Internal: the path and query of a request-target (RFC 9112 §3.2).

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace shared::http {

struct RequestTarget {
  std::string path;  // "" when the target has no path (asterisk or authority form)
  std::vector<std::pair<std::string, std::string>> query;  // decoded, in order
};

// Origin form ("/a?b=c") and absolute form ("http://host/a?b=c") give their
// path; percent-encoded unreserved characters in it are decoded ("%74" is
// "t", RFC 3986 §6.2.2.2), other escapes such as "%2F" are kept, so the
// path's segments stay what the client meant. Query names and values are
// percent-decoded with "+" as a space, as HTML forms send them.
RequestTarget parse_request_target(std::string_view target);

}  // namespace shared::http
