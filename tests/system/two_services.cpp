#include "system/two_services.hpp"

#include <thread>

#include <catch2/catch.hpp>

#include "support/test_database.hpp"

namespace system_test {

TwoServices::TwoServices(std::string fail_closed_after)
    : auth_database_(test_support::create_test_database("system_auth")),
      task_database_(test_support::create_test_database("system_task")),
      auth_port_(test::free_port()),
      task_port_(test::free_port()),
      fail_closed_after_(std::move(fail_closed_after)) {
  start_auth();
  start_task();
}

TwoServices::~TwoServices() {
  if (task_) task_->stop();
  if (auth_) auth_->stop();
}

void TwoServices::start_auth() {
  auth_ = std::make_unique<test::ServiceProcess>(
      AUTH_SERVICE_PATH,
      test::ServiceProcess::Environment{{"DATABASE_URL", auth_database_},
                                        {"JWT_SECRET", kUserSecret},
                                        {"SERVICE_JWT_SECRET", kServiceSecret},
                                        {"AUTH_PORT", std::to_string(auth_port_)},
                                        {"BCRYPT_COST", "10"},
                                        {"HTTP_THREADS", "2"},
                                        {"DB_POOL_SIZE", "2"},
                                        {"SIGNUP_MAX_PER_CLIENT", "1000000"},
                                        {"LOG_LEVEL", "info"}});
  auth_->wait_until_healthy(auth_port_, std::chrono::seconds(60));
}

void TwoServices::stop_auth() {
  REQUIRE(auth_->stop() == 0);
  auth_.reset();
}

void TwoServices::start_task(bool wait_ready) {
  task_ = std::make_unique<test::ServiceProcess>(
      TASK_SERVICE_PATH,
      test::ServiceProcess::Environment{
          {"DATABASE_URL", task_database_},
          {"JWT_SECRET", kUserSecret},
          {"SERVICE_JWT_SECRET", kServiceSecret},
          {"AUTH_INTERNAL_URL", "http://127.0.0.1:" + std::to_string(auth_port_)},
          {"REVOCATION_FAIL_CLOSED_AFTER", fail_closed_after_},
          {"TASK_PORT", std::to_string(task_port_)},
          {"HTTP_THREADS", "2"},
          {"DB_POOL_SIZE", "2"},
          {"LOG_LEVEL", "info"}});
  task_->wait_until_healthy(task_port_, std::chrono::seconds(60));
  if (!wait_ready) return;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (test::http_request(task_port_, "GET", "/readyz").status != 200) {
    if (std::chrono::steady_clock::now() > deadline)
      FAIL("task-service never ready:\n" << task_->log());
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

void TwoServices::stop_task() {
  REQUIRE(task_->stop() == 0);
  task_.reset();
}

std::string TwoServices::login(const std::string& email) {
  const nlohmann::json credentials = {{"email", email}, {"password", "correct horse"}};
  const auto signup = test::http_json(auth_port_, "POST", "/auth/signup", credentials);
  REQUIRE((signup.status == 201 || signup.status == 409));
  const auto login = test::http_json(auth_port_, "POST", "/auth/login", credentials);
  REQUIRE(login.status == 200);
  return login.json()["access_token"];
}

test::HttpResponse TwoServices::tasks(const std::string& token) const {
  return test::http_request(task_port_, "GET", "/api/tasks", {},
                            {{"Authorization", "Bearer " + token}});
}

test::HttpResponse TwoServices::logout(const std::string& token) const {
  return test::http_request(auth_port_, "POST", "/auth/logout", {},
                            {{"Authorization", "Bearer " + token}});
}

}  // namespace system_test
