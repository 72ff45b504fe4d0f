#include "task/domain/user_id.hpp"

#include <catch2/catch.hpp>

using task::domain::UserId;

TEST_CASE("a user id is a canonical UUID, kept lower-case") {
  const auto id = UserId::parse("0B0F9D1E-1234-4abc-8def-0123456789AB");
  REQUIRE(id.has_value());
  CHECK(id->str() == "0b0f9d1e-1234-4abc-8def-0123456789ab");
  CHECK(UserId::parse("0b0f9d1e-1234-4abc-8def-0123456789ab") == id);
  for (const char* bad :
       {"", "user-1", "0b0f9d1e12344abc8def0123456789ab", "{0b0f9d1e-1234-4abc-8def-0123456789ab}",
        "0b0f9d1e-1234-4abc-8def-0123456789ag", "0b0f9d1e-1234-4abc-8def_0123456789ab"}) {
    INFO(bad);
    CHECK_FALSE(UserId::parse(bad).has_value());
  }
}
