#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "shared/config/cidr.hpp"

namespace shared::http {

// The address to attribute a request to (rate limits, logs): the TCP peer,
// unless the peer is a trusted proxy, in which case the right-most address in
// X-Forwarded-For that is not itself a trusted proxy. Untrusted peers cannot
// choose their own address by sending the header.
std::string client_address(std::string_view peer, std::optional<std::string_view> forwarded_for,
                           const config::CidrSet& trusted_proxies);

}  // namespace shared::http
