#include "shared/http/router.hpp"

#include <algorithm>

namespace shared::http {
namespace {

std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> segments;
  std::size_t start = 1;  // paths start with '/'
  while (start <= path.size()) {
    const std::size_t end = std::min(path.find('/', start), path.size());
    segments.push_back(path.substr(start, end - start));
    start = end + 1;
  }
  return segments;
}

bool is_parameter(std::string_view segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

// Fills `params` and returns true when every segment matches.
bool match_segments(const std::vector<std::string>& pattern,
                    const std::vector<std::string_view>& actual,
                    std::vector<std::pair<std::string, std::string>>& params) {
  if (pattern.size() != actual.size()) return false;
  params.clear();
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (is_parameter(pattern[i])) {
      if (actual[i].empty()) return false;
      params.emplace_back(pattern[i].substr(1, pattern[i].size() - 2), std::string(actual[i]));
    } else if (pattern[i] != actual[i]) {
      return false;
    }
  }
  return true;
}

}  // namespace

void Router::add(std::string method, std::string path_template, SyncHandler handler) {
  add_async(std::move(method), std::move(path_template),
            [handler = std::move(handler)](const Request& request, Responder responder) {
              responder.send(handler(request));
            });
}

void Router::add_async(std::string method, std::string path_template, AsyncHandler handler) {
  std::vector<std::string> segments;
  for (auto segment : split_path(path_template)) segments.emplace_back(segment);
  routes_.push_back(
      {std::move(method), std::move(path_template), std::move(segments), std::move(handler)});
}

Router::Match Router::match(std::string_view method, std::string_view path) const {
  Match result;
  result.route = "unmatched";
  if (path.empty() || path.front() != '/') return result;
  const auto actual = split_path(path);
  std::vector<std::pair<std::string, std::string>> params;
  for (const auto& route : routes_) {
    if (!match_segments(route.segments, actual, params)) continue;
    if (route.method == method) {
      result.kind = Match::Kind::kFound;
      result.handler = &route.handler;
      result.route = route.path_template;
      result.params = std::move(params);
      return result;
    }
    result.kind = Match::Kind::kMethodNotAllowed;
    result.route = route.path_template;
    if (std::find(result.allowed_methods.begin(), result.allowed_methods.end(), route.method) ==
        result.allowed_methods.end()) {
      result.allowed_methods.push_back(route.method);
    }
  }
  return result;
}

}  // namespace shared::http
