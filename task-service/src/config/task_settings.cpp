#include "task/config/task_settings.hpp"

#include <algorithm>

namespace task::config {
namespace {

// Far beyond any person's list, and within the integer count column.
constexpr std::int64_t kMaxTasksPerUserLimit = 10'000'000;

// An http(s) URL with a host and no query: the feed's path is appended to it.
std::string auth_internal_url(const shared::config::Env& env) {
  constexpr const char* kVariable = "AUTH_INTERNAL_URL";
  auto url = env.string(kVariable, RevocationSettings{}.auth_internal_url);
  const auto scheme_end = url.find("://");
  const auto scheme = url.substr(0, scheme_end == std::string::npos ? 0 : scheme_end);
  if (scheme != "http" && scheme != "https") {
    throw shared::config::ConfigError(kVariable, "must be an http:// or https:// URL");
  }
  const auto bad_char = [](unsigned char c) {
    return c <= ' ' || c == '?' || c == '#' || c >= 127;
  };
  if (std::any_of(url.begin(), url.end(), bad_char)) {
    throw shared::config::ConfigError(kVariable, "must not contain blanks, a query or a fragment");
  }
  while (url.size() > scheme_end + 3 && url.back() == '/') url.pop_back();
  const auto host = url.substr(scheme_end + 3, url.find('/', scheme_end + 3) - (scheme_end + 3));
  if (host.empty() || host.front() == ':' || host.find('@') != std::string::npos) {
    throw shared::config::ConfigError(kVariable, "must name a host (and no user)");
  }
  return url;
}

RevocationSettings load_revocation_settings(const shared::config::Env& env,
                                            const std::string& user_token_secret) {
  RevocationSettings settings;
  settings.auth_internal_url = auth_internal_url(env);
  settings.service_secret = shared::config::load_service_jwt_secret(env, user_token_secret);
  settings.fail_closed_after = env.seconds("REVOCATION_FAIL_CLOSED_AFTER", std::chrono::seconds(0),
                                           std::chrono::seconds(0), std::chrono::hours(24));
  settings.deletion_batch_size =
      static_cast<std::size_t>(env.integer("USER_DELETION_BATCH_SIZE", 1000, 1, 100000));
  return settings;
}

}  // namespace

TaskSettings load_task_settings(const shared::config::Env& env) {
  TaskSettings settings;
  settings.log = shared::log::load_log_settings(env);
  settings.http = shared::config::load_http_settings(env, "TASK_PORT", kDefaultPort);
  settings.database = shared::config::load_database_settings(env);
  settings.jwt = shared::config::load_jwt_settings(env);
  settings.revocation = load_revocation_settings(env, settings.jwt.secret);
  settings.max_tasks_per_user =
      static_cast<std::size_t>(env.integer("MAX_TASKS_PER_USER", 10000, 1, kMaxTasksPerUserLimit));
  return settings;
}

}  // namespace task::config
