#include "auth/adapters/http/user_json.hpp"

#include <cstdio>
#include <ctime>

namespace auth::adapters::http {

std::string rfc3339(domain::Timestamp timestamp) {
  const auto seconds = std::chrono::floor<std::chrono::seconds>(timestamp);
  const auto micros = (timestamp - seconds).count();
  const std::time_t time = std::chrono::system_clock::to_time_t(seconds);
  std::tm utc{};
  gmtime_r(&time, &utc);
  char text[40];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S", &utc);
  std::string out(text);
  if (micros != 0) {
    char fraction[8];
    std::snprintf(fraction, sizeof fraction, ".%06lld", static_cast<long long>(micros));
    out += fraction;
  }
  return out + "Z";
}

nlohmann::json user_json(const domain::User& user) {
  return {{"id", user.id}, {"email", user.email.value()}, {"created_at", rfc3339(user.created_at)}};
}

nlohmann::json token_json(const domain::IssuedToken& token) {
  return {{"access_token", token.access_token},
          {"token_type", "bearer"},
          {"expires_in", token.expires_in.count()}};
}

}  // namespace auth::adapters::http
