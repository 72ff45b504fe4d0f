#include "auth/adapters/http/user_json.hpp"

#include "shared/time/timestamp.hpp"

namespace auth::adapters::http {

nlohmann::json user_json(const domain::User& user) {
  return {{"id", user.id},
          {"email", user.email.value()},
          {"created_at", shared::time::format_rfc3339(user.created_at)}};
}

nlohmann::json token_json(const domain::IssuedToken& token) {
  return {{"access_token", token.access_token},
          {"token_type", "bearer"},
          {"expires_in", token.expires_in.count()}};
}

}  // namespace auth::adapters::http
