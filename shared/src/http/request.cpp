#include "shared/http/request.hpp"

#include <algorithm>
#include <cctype>

namespace shared::http {
namespace {

template <typename Pairs>
std::optional<std::string_view> first_value(const Pairs& pairs, std::string_view name) {
  for (const auto& [key, value] : pairs) {
    if (key == name) return std::string_view(value);
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string_view> Request::header(std::string_view lowercase_name) const {
  return first_value(headers, lowercase_name);
}

// The last of a repeated parameter, as FastAPI (Starlette) reads one.
std::optional<std::string_view> Request::query_param(std::string_view name) const {
  std::optional<std::string_view> last;
  for (const auto& [key, value] : query) {
    if (key == name) last = value;
  }
  return last;
}

std::string_view Request::path_param(std::string_view name) const {
  return first_value(path_params, name).value_or(std::string_view{});
}

std::string Request::media_type() const {
  const auto content_type = header("content-type");
  if (!content_type) return {};
  std::string_view value = *content_type;
  value = value.substr(0, value.find(';'));
  while (!value.empty() && std::isspace(static_cast<unsigned char>(value.back()))) {
    value.remove_suffix(1);
  }
  while (!value.empty() && std::isspace(static_cast<unsigned char>(value.front()))) {
    value.remove_prefix(1);
  }
  std::string lowered(value);
  std::transform(lowered.begin(), lowered.end(), lowered.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lowered;
}

}  // namespace shared::http
