#pragma once
// Turns a DATABASE_URL into the connect string handed to SOCI's PostgreSQL
// backend. Internal to shared_db; public only so it can be unit-tested.
//
// Why not pass the URL through unchanged: SOCI 4.0.3 re-tokenises the string
// on whitespace and re-joins every token as `key=value`, looking for its own
// `singlerow` option. A URI without any `=` therefore gets a trailing `=`
// (postgresql://h/db becomes dbname "db="), and quoted keyword values with
// spaces (application_name='a b') are torn apart. So the URL is parsed with
// libpq's own parser (PQconninfoParse, same semantics as connecting) and
// re-rendered as `postgresql://?key=value&...` with every value
// percent-encoded: one whitespace-free token that always contains `=`, which
// SOCI leaves intact and libpq decodes back to exactly the same options.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "shared/result.hpp"

namespace shared::db::internal {

// Options explicitly present in the URL, in libpq's order. Unset options are
// absent, so libpq's environment defaults (PGHOST, ...) still apply.
using ConnInfo = std::vector<std::pair<std::string, std::string>>;

// kInvalidArgument with a generic message when libpq cannot parse the URL;
// the message never echoes the URL (it may hold a password).
Result<ConnInfo> parse_conninfo(std::string_view url);

// Sets (or replaces) one option.
void set_option(ConnInfo& info, std::string_view key, std::string value);
bool has_option(const ConnInfo& info, std::string_view key);

// `postgresql://?k=v&...` with percent-encoded values.
std::string render_conninfo_uri(const ConnInfo& info);

// Adds `-c name=value` to the startup `options`, which PostgreSQL applies
// to the session as it starts (no round trip). What `options` already held
// is kept in front: the URL's, or else PGOPTIONS, which libpq reads only
// when the connect string has no `options` of its own. The server applies
// `-c` switches in order, so this one wins over an earlier one of the same
// name. `value` must hold no blank (the server splits options on blanks).
void add_server_setting(ConnInfo& info, std::string_view name, std::string_view value);

// parse_conninfo + connect_timeout added when absent + statement_timeout
// (milliseconds, 0: none) as a server setting when given + render_conninfo_uri.
Result<std::string> to_soci_connect_string(
    std::string_view url, std::chrono::seconds connect_timeout,
    std::optional<std::chrono::milliseconds> statement_timeout = std::nullopt);

}  // namespace shared::db::internal
