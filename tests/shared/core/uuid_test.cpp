// UUIDs: only the canonical 8-4-4-4-12 form, lower-cased.
#include "shared/text/uuid.hpp"

#include <catch2/catch.hpp>

using shared::text::parse_uuid;

TEST_CASE("the canonical form is accepted and lower-cased", "[unit]") {
  CHECK(parse_uuid("0B0F9D1E-1234-4ABC-8DEF-0123456789AB") ==
        "0b0f9d1e-1234-4abc-8def-0123456789ab");
}

TEST_CASE("every other spelling is refused", "[unit]") {
  for (const char* text :
       {"", "0b0f9d1e12344abc8def0123456789ab", "{0b0f9d1e-1234-4abc-8def-0123456789ab}",
        "urn:uuid:0b0f9d1e-1234-4abc-8def-0123456789ab", "0b0f9d1e-1234-4abc-8def-0123456789ag",
        "0b0f9d1e-1234-4abc-8def0-123456789ab"}) {
    INFO(text);
    CHECK_FALSE(parse_uuid(text));
  }
}
