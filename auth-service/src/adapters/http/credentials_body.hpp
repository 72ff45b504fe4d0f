#pragma once
// Request bodies → use-case commands, with FastAPI's answers for bodies that
// do not even have the right shape: 415 (content type), 400 (not JSON / not
// an object), 422 "missing" / "string_type" (field absent / not a string).
// Value rules (email format, password length) are the domain's.

#include <variant>

#include "auth/app/log_in.hpp"
#include "auth/app/sign_up.hpp"
#include "shared/http/request.hpp"
#include "shared/http/response.hpp"

namespace auth::adapters::http {

// JSON {"email", "password"}.
std::variant<app::SignUpCommand, shared::http::Response> sign_up_command(
    const shared::http::Request& request);

// JSON {"email", "password"}, or the OAuth2 password form
// (application/x-www-form-urlencoded `username=...&password=...`).
std::variant<app::LogInCommand, shared::http::Response> log_in_command(
    const shared::http::Request& request);

}  // namespace auth::adapters::http
