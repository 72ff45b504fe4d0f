#pragma once
#include <nlohmann/json.hpp>

#include "auth/domain/token.hpp"
#include "auth/domain/user.hpp"

namespace auth::adapters::http {

// {"id", "email", "created_at"}: the password hash never leaves the service.
nlohmann::json user_json(const domain::User& user);

// {"access_token", "token_type": "bearer", "expires_in"}
nlohmann::json token_json(const domain::IssuedToken& token);

}  // namespace auth::adapters::http
