#include "request_target.hpp"

#include <cctype>

#include "shared/text/percent_decode.hpp"

namespace shared::http {
namespace {

bool is_unreserved(unsigned char c) {
  return std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~';
}

std::string normalise_path(std::string_view path) {
  std::string out;
  out.reserve(path.size());
  for (std::size_t i = 0; i < path.size(); ++i) {
    if (path[i] == '%' && i + 2 < path.size() && text::hex_digit_value(path[i + 1]) >= 0 &&
        text::hex_digit_value(path[i + 2]) >= 0) {
      const auto decoded = static_cast<unsigned char>(text::hex_digit_value(path[i + 1]) * 16 +
                                                      text::hex_digit_value(path[i + 2]));
      if (is_unreserved(decoded)) {
        out += static_cast<char>(decoded);
        i += 2;
        continue;
      }
    }
    out += path[i];
  }
  return out;
}

// "http://host:port/path?q" → "/path?q"; "" when `target` is not absolute.
std::string_view strip_scheme_and_authority(std::string_view target) {
  const auto scheme_end = target.find("://");
  if (scheme_end == std::string_view::npos || scheme_end == 0) return {};
  for (char c : target.substr(0, scheme_end)) {
    if (!std::isalpha(static_cast<unsigned char>(c))) return {};
  }
  const auto rest = target.substr(scheme_end + 3);
  const auto path_start = rest.find_first_of("/?");
  if (path_start == std::string_view::npos) return "/";
  if (rest[path_start] == '?') return {};  // "http://host?q": no path to serve
  return rest.substr(path_start);
}

}  // namespace

RequestTarget parse_request_target(std::string_view target) {
  if (target.empty() || target.front() != '/') target = strip_scheme_and_authority(target);
  if (target.empty()) return {};
  target = target.substr(0, target.find('#'));  // a fragment is never sent; ignore one
  const auto question = target.find('?');
  RequestTarget result;
  result.path = normalise_path(target.substr(0, question));
  if (question != std::string_view::npos)
    result.query = text::parse_urlencoded(target.substr(question + 1));
  return result;
}

}  // namespace shared::http
