#include "shared/time/timestamp.hpp"

#include <catch2/catch.hpp>

namespace {
std::string round_trip(std::string_view text) {
  const auto parsed = shared::time::parse_date_or_datetime(text);
  return parsed ? shared::time::format_rfc3339(*parsed) : "invalid";
}
}  // namespace

TEST_CASE("formats UTC with Z, microseconds only when non-zero") {
  CHECK(shared::time::format_rfc3339(shared::time::Timestamp{}) == "1970-01-01T00:00:00Z");
  CHECK(shared::time::format_rfc3339(shared::time::Timestamp(std::chrono::microseconds(1))) ==
        "1970-01-01T00:00:00.000001Z");
  CHECK(shared::time::format_rfc3339(shared::time::Timestamp(std::chrono::microseconds(-1))) ==
        "1969-12-31T23:59:59.999999Z");
  CHECK(round_trip("2026-11-24T10:58:46Z") == "2026-11-24T10:58:46Z");
  CHECK(round_trip("0001-01-01") == "0001-01-01T00:00:00Z");
  CHECK(round_trip("9999-12-31T23:59:59.999999Z") == "9999-12-31T23:59:59.999999Z");
}

TEST_CASE("plain dates are midnight UTC") {
  CHECK(round_trip("2026-12-01") == "2026-12-01T00:00:00Z");
  CHECK(round_trip("2024-02-29") == "2024-02-29T00:00:00Z");
}

TEST_CASE("date-times with any offset are converted to UTC") {
  CHECK(round_trip("2026-12-01T17:00:00+02:00") == "2026-12-01T15:00:00Z");
  CHECK(round_trip("2026-12-01T01:00:00-05:30") == "2026-12-01T06:30:00Z");
  CHECK(round_trip("2026-12-01T17:00:00+0200") == "2026-12-01T15:00:00Z");
  CHECK(round_trip("2026-12-31T23:30:00-01:00") == "2027-01-01T00:30:00Z");
  CHECK(round_trip("2026-12-01t17:00:00z") == "2026-12-01T17:00:00Z");
  CHECK(round_trip("2026-12-01 17:00:00Z") == "2026-12-01T17:00:00Z");
  CHECK(round_trip("2026-12-01T17:00") == "2026-12-01T17:00:00Z");  // naive: UTC
  CHECK(round_trip("2026-12-01T17:00:00.5Z") == "2026-12-01T17:00:00.500000Z");
}

TEST_CASE("1 to 9 fractional digits, rounded half up to the microsecond") {
  CHECK(round_trip("2026-12-01T17:00:00.1Z") == "2026-12-01T17:00:00.100000Z");
  CHECK(round_trip("2026-12-01T17:00:00.000001Z") == "2026-12-01T17:00:00.000001Z");
  CHECK(round_trip("2026-12-01T17:00:00.0000004Z") == "2026-12-01T17:00:00Z");
  CHECK(round_trip("2026-12-01T17:00:00.0000005Z") == "2026-12-01T17:00:00.000001Z");
  CHECK(round_trip("2026-12-01T17:00:00.123456789Z") == "2026-12-01T17:00:00.123457Z");
  CHECK(round_trip("2026-12-01T17:00:00.123456499Z") == "2026-12-01T17:00:00.123456Z");
  CHECK(round_trip("2026-12-31T23:59:59.9999995Z") == "2027-01-01T00:00:00Z");
  CHECK(round_trip("2026-12-01T17:00:00,25Z") == "2026-12-01T17:00:00.250000Z");
  CHECK(round_trip("9999-12-31T23:59:59.9999994Z") == "9999-12-31T23:59:59.999999Z");
}

TEST_CASE("the accepted range is 0001-01-01 to 9999-12-31 in UTC, to the microsecond") {
  CHECK(round_trip("0001-01-01T00:00:00Z") == "0001-01-01T00:00:00Z");
  CHECK(round_trip("0001-01-01T14:00:00+14:00") == "0001-01-01T00:00:00Z");
  CHECK(round_trip("9999-12-31T09:59:59.999999-14:00") == "9999-12-31T23:59:59.999999Z");
  CHECK(round_trip("1600-02-29T12:00:00Z") == "1600-02-29T12:00:00Z");
  CHECK(round_trip("2500-01-01T00:00:00.000001Z") == "2500-01-01T00:00:00.000001Z");
  CHECK(round_trip("1000-06-15T12:00:00.9999Z") == "1000-06-15T12:00:00.999900Z");
  for (const char* outside : {"9999-12-31T23:59:59.9999995Z", "9999-12-31T10:00:00-14:00",
                              "0001-01-01T13:59:59.999999+14:00", "0001-01-01T00:00:00+00:01",
                              "10000-01-01T00:00:00Z", "1900-02-29"}) {
    INFO(outside);
    CHECK_FALSE(shared::time::parse_date_or_datetime(outside).has_value());
  }
}

TEST_CASE("rejects what is not a date or RFC 3339 date-time") {
  for (const char* bad : {"",
                          "soon",
                          "2026-13-01",
                          "2026-02-29",
                          "2026-02-30",
                          "2026-00-10",
                          "2026-1-01",
                          "26-01-01",
                          "2026-01-01T",
                          "2026-01-01T24:00:00Z",
                          "2026-01-01T10:60:00Z",
                          "2026-01-01T10:00:60Z",
                          "2026-01-01T10:00:00+",
                          "2026-01-01T10:00:00+24:00",
                          "2026-01-01T10:00:00Zjunk",
                          "2026-01-01X10:00:00Z",
                          "2026-01-01T10:00:00.Z",
                          "2026-01-01T10:00:00.1234567890Z",
                          "0000-01-01",
                          "0001-01-01T00:00:00+01:00",
                          "9999-12-31T23:00:00-01:00",
                          " 2026-01-01",
                          "2026-01-01 ",
                          "1700000000"}) {
    INFO(bad);
    CHECK_FALSE(shared::time::parse_date_or_datetime(bad).has_value());
  }
}
