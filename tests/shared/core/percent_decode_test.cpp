// Percent-decoding and urlencoded pairs, as queries and form bodies use them.
#include "shared/text/percent_decode.hpp"

#include <catch2/catch.hpp>

TEST_CASE("percent_decode decodes escapes and plus signs in queries", "[unit]") {
  CHECK(shared::text::percent_decode("a%20b+c", true) == "a b c");
  CHECK(shared::text::percent_decode("a%20b+c", false) == "a b+c");
  CHECK(shared::text::percent_decode("%E2%9C%93", true) == "\xE2\x9C\x93");
  CHECK(shared::text::percent_decode("100%", true) == "100%");
  CHECK(shared::text::percent_decode("%zz%4", true) == "%zz%4");
  CHECK(shared::text::percent_decode("%25", true) == "%");
}

TEST_CASE("urlencoded pairs: in order, decoded, bare names and empty items", "[unit]") {
  using Pairs = std::vector<std::pair<std::string, std::string>>;
  CHECK(shared::text::parse_urlencoded("a=1&b=x+y%21&&flag&=v") ==
        Pairs{{"a", "1"}, {"b", "x y!"}, {"flag", ""}, {"", "v"}});
  CHECK(shared::text::parse_urlencoded("").empty());
}
