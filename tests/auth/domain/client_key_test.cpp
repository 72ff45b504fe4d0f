#include "auth/domain/client_key.hpp"

#include <catch2/catch.hpp>

using auth::domain::client_key;

TEST_CASE("client keys: IPv4 as it is, IPv6 by its /64, mapped IPv4 as IPv4", "[unit][limits]") {
  CHECK(client_key("203.0.113.7") == "203.0.113.7");
  CHECK(client_key("2001:db8:1:2:a:b:c:d") == "2001:db8:1:2::/64");
  CHECK(client_key("2001:DB8:1:2::") == "2001:db8:1:2::/64");
  CHECK(client_key("::1") == "::/64");
  CHECK(client_key("::ffff:203.0.113.7") == "203.0.113.7");
  CHECK(client_key("not an address") == "not an address");
}
