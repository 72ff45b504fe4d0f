// task-service's settings for following the revocation feed: defaults, the
// service secret's rules (from shared), AUTH_INTERNAL_URL's shape and the
// fail-closed and batch-size ranges, the task limit and the statement
// timeout, each a clear error naming the variable.
#include "task/config/task_settings.hpp"

#include <catch2/catch.hpp>

#include "shared/config/fake_env.hpp"

using namespace std::chrono_literals;

namespace {

const std::string kSecret = "task-settings-test-user-secret-0123456789";
const std::string kServiceSecret = "task-settings-test-service-secret-012345";

std::map<std::string, std::string> base() {
  return {{"DATABASE_URL", "postgresql://localhost/tasks"},
          {"JWT_SECRET", kSecret},
          {"SERVICE_JWT_SECRET", kServiceSecret}};
}

task::config::TaskSettings load_with(const std::string& name, const std::string& value) {
  auto variables = base();
  variables[name] = value;
  return task::config::load_task_settings(test::fake_env(variables));
}

}  // namespace

TEST_CASE("task settings: the revocation defaults", "[unit][config]") {
  const auto settings = task::config::load_task_settings(test::fake_env(base()));
  CHECK(settings.revocation.auth_internal_url == "http://127.0.0.1:8001");
  CHECK(settings.revocation.service_secret == kServiceSecret);
  CHECK(settings.revocation.fail_closed_after == 0s);
  CHECK(settings.revocation.deletion_batch_size == 1000);
}

TEST_CASE("task settings: the revocation variables, read and checked", "[unit][config]") {
  CHECK(
      load_with("AUTH_INTERNAL_URL", "https://auth.internal:8443/").revocation.auth_internal_url ==
      "https://auth.internal:8443");
  CHECK(load_with("AUTH_INTERNAL_URL", "http://auth:8001/base").revocation.auth_internal_url ==
        "http://auth:8001/base");
  CHECK(load_with("REVOCATION_FAIL_CLOSED_AFTER", "2").revocation.fail_closed_after == 2s);
  CHECK(load_with("USER_DELETION_BATCH_SIZE", "10").revocation.deletion_batch_size == 10);

  for (const std::string bad : {"ftp://auth:21", "auth:8001", "http://", "http:///x",
                                "http://auth:8001/?x=1", "http://user@auth:8001", "http://a b"}) {
    INFO(bad);
    test::require_config_error([&] { (void)load_with("AUTH_INTERNAL_URL", bad); },
                               "AUTH_INTERNAL_URL", "");
  }
  test::require_config_error([] { (void)load_with("REVOCATION_FAIL_CLOSED_AFTER", "-1"); },
                             "REVOCATION_FAIL_CLOSED_AFTER", "");
  test::require_config_error([] { (void)load_with("USER_DELETION_BATCH_SIZE", "0"); },
                             "USER_DELETION_BATCH_SIZE", "");
}

TEST_CASE("task settings: SERVICE_JWT_SECRET is required, long, and not JWT_SECRET",
          "[unit][config]") {
  auto variables = base();
  variables.erase("SERVICE_JWT_SECRET");
  test::require_config_error(
      [&] { (void)task::config::load_task_settings(test::fake_env(variables)); },
      "SERVICE_JWT_SECRET", "");
  test::require_config_error([] { (void)load_with("SERVICE_JWT_SECRET", "short"); },
                             "SERVICE_JWT_SECRET", "short");
  test::require_config_error([] { (void)load_with("SERVICE_JWT_SECRET", kSecret); },
                             "SERVICE_JWT_SECRET", kSecret);
}

TEST_CASE("task settings: MAX_TASKS_PER_USER 1..10,000,000, default 10000", "[unit][config]") {
  CHECK(task::config::load_task_settings(test::fake_env(base())).max_tasks_per_user == 10000);
  CHECK(load_with("MAX_TASKS_PER_USER", "1").max_tasks_per_user == 1);
  CHECK(load_with("MAX_TASKS_PER_USER", "10000000").max_tasks_per_user == 10'000'000);
  for (const std::string bad : {"0", "-5", "10000001", "ten", "1e4"}) {
    INFO(bad);
    test::require_config_error([&] { (void)load_with("MAX_TASKS_PER_USER", bad); },
                               "MAX_TASKS_PER_USER", "");
  }
}

TEST_CASE("task settings: DB_STATEMENT_TIMEOUT reaches the database settings", "[unit][config]") {
  CHECK(task::config::load_task_settings(test::fake_env(base())).database.statement_timeout ==
        5000ms);
  CHECK(load_with("DB_STATEMENT_TIMEOUT", "0").database.statement_timeout == 0ms);
  test::require_config_error([] { (void)load_with("DB_STATEMENT_TIMEOUT", "600001"); },
                             "DB_STATEMENT_TIMEOUT", "");
}
