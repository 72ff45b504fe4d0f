#pragma once
// What the per-client limits count by: the client's address, except that an
// IPv6 client counts by its /64. One host is usually handed a whole /64 (SLAAC,
// privacy addresses), so counting single IPv6 addresses would give one
// attacker 2^64 budgets; IPv4-mapped IPv6 addresses count as the IPv4 address.

#include <string>
#include <string_view>

namespace auth::domain {

// "203.0.113.7" → "203.0.113.7"; "2001:db8:1:2:a:b:c:d" → "2001:db8:1:2::/64";
// "::ffff:203.0.113.7" → "203.0.113.7". Anything that is not a numeric
// address (the HTTP layer always passes one) is returned as it is.
std::string client_key(std::string_view address);

}  // namespace auth::domain
