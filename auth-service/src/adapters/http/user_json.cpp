#include "auth/adapters/http/user_json.hpp"

#include "shared/time/timestamp.hpp"

namespace auth::adapters::http {

nlohmann::json user_json(const domain::User& user) {
  return {{"id", user.id},
          {"email", user.email.value()},
          {"created_at", shared::time::format_rfc3339(user.created_at)}};
}

nlohmann::json session_json(const domain::Session& session) {
  return {{"access_token", session.access.access_token},
          {"token_type", "bearer"},
          {"expires_in", session.access.expires_in.count()},
          {"refresh_token", session.refresh_token},
          {"refresh_expires_in", session.refresh_expires_in.count()}};
}

}  // namespace auth::adapters::http
