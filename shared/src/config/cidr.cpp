#include "shared/config/cidr.hpp"

#include <charconv>
#include <optional>

#include <arpa/inet.h>

namespace shared::config {
namespace {

constexpr unsigned kMappedIpv4PrefixBits = 96;  // ::ffff:0:0/96
constexpr std::size_t kMaxAddressText = INET6_ADDRSTRLEN;

struct ParsedAddress {
  std::array<std::uint8_t, 16> bytes{};
  bool written_as_ipv4 = false;
};

// inet_pton is strict (no leading/trailing blanks, IPv4 only as a.b.c.d),
// which is what a configuration value and a socket peer address need.
std::optional<ParsedAddress> parse_address(std::string_view text) {
  if (text.size() >= 2 && text.front() == '[' && text.back() == ']') {
    text = text.substr(1, text.size() - 2);
  }
  if (text.empty() || text.size() >= kMaxAddressText) return std::nullopt;
  const std::string terminated(text);  // inet_pton wants a C string
  ParsedAddress parsed;
  if (text.find(':') != std::string_view::npos) {
    if (inet_pton(AF_INET6, terminated.c_str(), parsed.bytes.data()) != 1) return std::nullopt;
    return parsed;
  }
  std::array<std::uint8_t, 4> ipv4{};
  if (inet_pton(AF_INET, terminated.c_str(), ipv4.data()) != 1) return std::nullopt;
  parsed.bytes[10] = 0xff;
  parsed.bytes[11] = 0xff;
  std::copy(ipv4.begin(), ipv4.end(), parsed.bytes.begin() + 12);
  parsed.written_as_ipv4 = true;
  return parsed;
}

std::optional<unsigned> parse_prefix(std::string_view text, unsigned max) {
  if (text.empty() || text.size() > 3) return std::nullopt;
  unsigned value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size() || value > max) return std::nullopt;
  return value;
}

}  // namespace

Result<CidrSet> CidrSet::parse(const std::vector<std::string>& cidrs) {
  CidrSet set;
  for (std::size_t i = 0; i < cidrs.size(); ++i) {
    const std::string_view item = cidrs[i];
    const auto slash = item.find('/');
    std::optional<ParsedAddress> address;
    std::optional<unsigned> prefix;
    if (slash != std::string_view::npos) {
      address = parse_address(item.substr(0, slash));
      if (address) {
        prefix = parse_prefix(item.substr(slash + 1), address->written_as_ipv4 ? 32 : 128);
      }
    }
    if (!prefix) {
      return Error{
          ErrorCode::kInvalidArgument,
          "item " + std::to_string(i + 1) + " is not a CIDR (expected e.g. 10.0.0.0/8 or fd00::/8)",
          {},
          {}};
    }
    const unsigned bits = address->written_as_ipv4 ? *prefix + kMappedIpv4PrefixBits : *prefix;
    set.networks_.push_back({address->bytes, bits});
  }
  return set;
}

bool CidrSet::prefix_matches(const Network& network, const Address& address) {
  const unsigned whole_bytes = network.prefix_bits / 8;
  for (unsigned i = 0; i < whole_bytes; ++i) {
    if (network.address[i] != address[i]) return false;
  }
  const unsigned rest_bits = network.prefix_bits % 8;
  if (rest_bits == 0) return true;
  const auto mask = static_cast<std::uint8_t>(0xff << (8 - rest_bits));
  return (network.address[whole_bytes] & mask) == (address[whole_bytes] & mask);
}

bool CidrSet::contains(std::string_view ip) const {
  const auto address = parse_address(ip);
  if (!address) return false;
  for (const Network& network : networks_) {
    if (prefix_matches(network, address->bytes)) return true;
  }
  return false;
}

}  // namespace shared::config
