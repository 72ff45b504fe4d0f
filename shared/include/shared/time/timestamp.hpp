#pragma once
// Instants as microseconds since the Unix epoch, UTC: the precision
// PostgreSQL's timestamptz keeps, so ordering and updated_at changes survive
// a round trip through the database.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace shared::time {

using Timestamp = std::chrono::sys_time<std::chrono::microseconds>;

// Whole seconds since the epoch, rounded down: how JWTs (`iat`, `exp`) and
// the revocation feed count time.
inline std::int64_t epoch_seconds(Timestamp instant) {
  return std::chrono::floor<std::chrono::seconds>(instant.time_since_epoch()).count();
}

// RFC 3339 in UTC with a `Z`, e.g. "2026-11-24T10:58:46Z"; fractional
// seconds appear (6 digits) only when non-zero, as pydantic writes them.
std::string format_rfc3339(Timestamp instant);
void append_rfc3339(std::string& out, Timestamp instant);

// Accepts what the contract calls "an RFC 3339 date-time, or a plain date":
//   YYYY-MM-DD                                   midnight UTC
//   YYYY-MM-DD(T|t| )HH:MM[:SS[.fraction]][Z|z|±HH:MM|±HHMM]
// Any offset is converted to UTC; no offset is taken as UTC; 1 to 9
// fractional digits, rounded to the microsecond (half up, as PostgreSQL
// rounds its own input). nullopt for anything else, including impossible
// dates (2026-02-30) and instants outside 0001-01-01T00:00:00Z to
// 9999-12-31T23:59:59.999999Z, also when rounding or the offset moves them out.
std::optional<Timestamp> parse_date_or_datetime(std::string_view text);

}  // namespace shared::time
