#pragma once
#include <nlohmann/json.hpp>

#include "auth/domain/session.hpp"
#include "auth/domain/user.hpp"

namespace auth::adapters::http {

// {"id", "email", "created_at"}: the password hash never leaves the service.
nlohmann::json user_json(const domain::User& user);

// The login response: {"access_token", "token_type", "expires_in",
// "refresh_token", "refresh_expires_in"}.
nlohmann::json session_json(const domain::Session& session);

}  // namespace auth::adapters::http
