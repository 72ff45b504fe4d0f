#include "task/config/task_settings.hpp"

namespace task::config {

TaskSettings load_task_settings(const shared::config::Env& env) {
  TaskSettings settings;
  settings.log = shared::log::load_log_settings(env);
  settings.http = shared::config::load_http_settings(env, "TASK_PORT", kDefaultPort);
  settings.database = shared::config::load_database_settings(env);
  settings.jwt = shared::config::load_jwt_settings(env);
  return settings;
}

}  // namespace task::config
