#include "shared/http/bearer.hpp"

#include <strings.h>

namespace shared::http {
namespace {

Error not_authenticated() {
  return Error::unauthenticated("Not authenticated");
}

}  // namespace

Result<std::string_view> bearer_token(const Request& request) {
  const auto header = request.header("authorization");
  if (!header) return not_authenticated();
  std::string_view value = *header;
  constexpr std::string_view kScheme = "bearer ";
  if (value.size() <= kScheme.size() ||
      strncasecmp(value.data(), kScheme.data(), kScheme.size()) != 0) {
    return not_authenticated();
  }
  value.remove_prefix(kScheme.size());
  while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
  while (!value.empty() && value.back() == ' ') value.remove_suffix(1);
  if (value.empty()) return not_authenticated();
  return value;
}

}  // namespace shared::http
