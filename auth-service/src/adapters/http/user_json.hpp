#pragma once
#include <nlohmann/json.hpp>

#include "auth/domain/token.hpp"
#include "auth/domain/user.hpp"

namespace auth::adapters::http {

// RFC 3339 UTC with a Z, microseconds only when non-zero (as pydantic writes
// datetimes): 2026-11-24T10:58:46Z, 2026-11-24T10:58:46.123456Z.
std::string rfc3339(domain::Timestamp timestamp);

// {"id", "email", "created_at"}: the password hash never leaves the service.
nlohmann::json user_json(const domain::User& user);

// {"access_token", "token_type": "bearer", "expires_in"}
nlohmann::json token_json(const domain::IssuedToken& token);

}  // namespace auth::adapters::http
