#pragma once
// A set of IP networks in CIDR notation ("10.0.0.0/8", "::1/128"), for
// deciding whether a peer is a trusted proxy whose X-Forwarded-For may be
// believed (TRUSTED_PROXIES).
//
// IPv4 networks and addresses are held as IPv4-mapped IPv6 (::ffff:a.b.c.d),
// so "10.0.0.0/8" contains both "10.1.2.3" and "::ffff:10.1.2.3" (what a
// dual-stack socket reports for an IPv4 peer). Host bits after the prefix are
// ignored ("10.1.2.3/8" is 10.0.0.0/8). A bare address without "/prefix" is
// not a CIDR and is rejected, so a typo cannot silently trust one host too few
// or a whole network too many.

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "shared/result.hpp"

namespace shared::config {

class CidrSet {
 public:
  // kInvalidArgument naming the position (1-based) of the first bad item.
  static Result<CidrSet> parse(const std::vector<std::string>& cidrs);

  // True when `ip` (IPv4, IPv6, IPv4-mapped IPv6, optionally in [brackets])
  // lies in one of the networks. Anything unparsable is not contained.
  bool contains(std::string_view ip) const;
  bool empty() const { return networks_.empty(); }

 private:
  using Address = std::array<std::uint8_t, 16>;
  struct Network {
    Address address;
    unsigned prefix_bits;  // 0..128, counted on the IPv6 (mapped) form
  };
  static bool prefix_matches(const Network& network, const Address& address);

  std::vector<Network> networks_;
};

}  // namespace shared::config
