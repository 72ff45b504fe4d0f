#include "shared/config/cidr.hpp"

#include <catch2/catch.hpp>

using shared::config::CidrSet;

namespace {
CidrSet parse_ok(const std::vector<std::string>& cidrs) {
  auto parsed = CidrSet::parse(cidrs);
  REQUIRE(parsed.ok());
  return std::move(parsed).value();
}
}  // namespace

TEST_CASE("cidr: valid IPv4 and IPv6 networks parse") {
  CHECK(CidrSet::parse({"127.0.0.1/32", "::1/128", "10.0.0.0/8", "0.0.0.0/0", "::/0", "fd00::/8",
                        "192.168.1.0/24", "::ffff:10.0.0.0/104", "[2001:db8::]/32"})
            .ok());
  CHECK(CidrSet::parse({}).ok());
  CHECK(parse_ok({}).empty());
}

TEST_CASE("cidr: anything that is not a CIDR is refused, naming its position") {
  for (const std::string bad :
       {"10.0.0.1", "10.0.0.0/", "10.0.0.0/33", "10.0.0.0/-1", "10.0.0.0/8/8", "10.0.0/8",
        "256.0.0.0/8", "10.0.0.0/ 8", " 10.0.0.0/8", "fd00::/129", "fd00:::/8", "gggg::/8", "/8",
        "", "10.0.0.0/08x", "10.0.0.0/1000", "example.com/8"}) {
    INFO("cidr: '" << bad << "'");
    const auto parsed = CidrSet::parse({"127.0.0.1/32", bad});
    REQUIRE_FALSE(parsed.ok());
    CHECK(parsed.error().code == shared::ErrorCode::kInvalidArgument);
    CHECK_THAT(parsed.error().message, Catch::Contains("item 2"));
  }
}

TEST_CASE("cidr: IPv4 matching honours the prefix") {
  const CidrSet set = parse_ok({"10.0.0.0/8", "192.168.1.128/25", "127.0.0.1/32"});
  CHECK(set.contains("10.0.0.1"));
  CHECK(set.contains("10.255.255.255"));
  CHECK_FALSE(set.contains("11.0.0.1"));
  CHECK(set.contains("192.168.1.200"));
  CHECK_FALSE(set.contains("192.168.1.127"));
  CHECK(set.contains("127.0.0.1"));
  CHECK_FALSE(set.contains("127.0.0.2"));
}

TEST_CASE("cidr: host bits after the prefix are ignored") {
  const CidrSet set = parse_ok({"10.1.2.3/8"});
  CHECK(set.contains("10.200.0.1"));
  CHECK_FALSE(set.contains("11.1.2.3"));
}

TEST_CASE("cidr: IPv6 matching, including prefixes that end inside a byte") {
  const CidrSet set = parse_ok({"::1/128", "fd00::/8", "2001:db8:abcd:12::/63"});
  CHECK(set.contains("::1"));
  CHECK_FALSE(set.contains("::2"));
  CHECK(set.contains("fd12:3456::1"));
  CHECK_FALSE(set.contains("fe80::1"));
  CHECK(set.contains("2001:db8:abcd:13::1"));
  CHECK_FALSE(set.contains("2001:db8:abcd:14::1"));
  CHECK(set.contains("[::1]"));
}

TEST_CASE("cidr: IPv4-mapped IPv6 peers match IPv4 networks and back") {
  const CidrSet v4 = parse_ok({"127.0.0.1/32", "10.0.0.0/8"});
  CHECK(v4.contains("::ffff:127.0.0.1"));
  CHECK(v4.contains("::ffff:10.9.8.7"));
  CHECK(v4.contains("::ffff:a09:807"));  // the same address in hex groups
  CHECK_FALSE(v4.contains("::ffff:11.0.0.1"));
  CHECK_FALSE(v4.contains("::1"));

  const CidrSet mapped = parse_ok({"::ffff:10.0.0.0/104"});
  CHECK(mapped.contains("10.1.1.1"));
  CHECK_FALSE(mapped.contains("11.1.1.1"));
}

TEST_CASE("cidr: /0 matches every address of its family") {
  CHECK(parse_ok({"0.0.0.0/0"}).contains("203.0.113.9"));
  CHECK_FALSE(parse_ok({"0.0.0.0/0"}).contains("2001:db8::1"));
  CHECK(parse_ok({"::/0"}).contains("2001:db8::1"));
}

TEST_CASE("cidr: unparsable peers are never contained") {
  const CidrSet set = parse_ok({"0.0.0.0/0", "::/0"});
  for (const std::string& bad :
       std::vector<std::string>{"", "localhost", "10.0.0.1:8080", " 10.0.0.1", "10.0.0.1 ",
                                "fe80::1%eth0", "10.0.0", "[10.0.0.1", std::string(100, '1')}) {
    INFO("peer: '" << bad << "'");
    CHECK_FALSE(set.contains(bad));
  }
}
