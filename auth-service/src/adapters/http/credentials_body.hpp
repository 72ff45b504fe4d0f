#pragma once
// Request bodies → use-case commands, with FastAPI's problems for bodies
// that do not even have the right shape: an unsupported media type (415),
// not JSON or not an object (400), a field absent or not a string (422
// "missing" / "string_type"), all located in the body, as errors for
// error_response().
// Value rules (email format, password length) are the domain's: sign-up's
// command is built by domain::NewAccount::from, so its 422s are decided
// before a bcrypt worker is asked for.

#include "auth/app/log_in.hpp"
#include "auth/app/sign_up.hpp"
#include "shared/http/request.hpp"
#include "shared/result.hpp"

namespace auth::adapters::http {

// JSON {"email", "password"}.
shared::Result<app::SignUpCommand> sign_up_command(const shared::http::Request& request);

// JSON {"email", "password"}, or the OAuth2 password form
// (application/x-www-form-urlencoded `username=...&password=...`).
shared::Result<app::LogInCommand> log_in_command(const shared::http::Request& request);

}  // namespace auth::adapters::http
