#include "client_address.hpp"

namespace shared::http {
namespace {

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

}  // namespace

std::string client_address(std::string_view peer, std::optional<std::string_view> forwarded_for,
                           const config::CidrSet& trusted_proxies) {
  if (!forwarded_for || !trusted_proxies.contains(peer)) return std::string(peer);
  std::string_view chain = *forwarded_for;
  while (!chain.empty()) {
    const std::size_t comma = chain.rfind(',');
    const std::string_view hop =
        trim(comma == std::string_view::npos ? chain : chain.substr(comma + 1));
    if (!hop.empty() && !trusted_proxies.contains(hop)) return std::string(hop);
    if (comma == std::string_view::npos) break;
    chain = chain.substr(0, comma);
  }
  return std::string(peer);
}

}  // namespace shared::http
