#pragma once
// The real auth-service and task-service binaries, each on a fresh database
// of the PostgreSQL that tests/run.sh provides, task-service following
// auth-service's revocation feed: for what only the pair can show
// (restarts, an unreachable feed). One service can be stopped and started
// again on the same port and database.

#include <memory>
#include <optional>
#include <string>

#include "support/http_client.hpp"
#include "support/service_process.hpp"

namespace system_test {

inline const std::string kUserSecret = "system-test-user-secret-0123456789abcdef";
inline const std::string kServiceSecret = "system-test-service-secret-0123456789abc";

class TwoServices {
 public:
  // `fail_closed_after`: task-service's REVOCATION_FAIL_CLOSED_AFTER.
  explicit TwoServices(std::string fail_closed_after = "0");
  ~TwoServices();

  void start_auth();
  void stop_auth();
  // Started and, when `wait_ready`, polled until /readyz says 200.
  void start_task(bool wait_ready = true);
  void stop_task();

  std::uint16_t auth_port() const { return auth_port_; }
  std::uint16_t task_port() const { return task_port_; }

  // Signs up (once per email) and logs in: the access token.
  std::string login(const std::string& email);
  test::HttpResponse tasks(const std::string& token) const;
  test::HttpResponse logout(const std::string& token) const;

 private:
  std::string auth_database_;
  std::string task_database_;
  std::uint16_t auth_port_;
  std::uint16_t task_port_;
  std::string fail_closed_after_;
  std::unique_ptr<test::ServiceProcess> auth_;
  std::unique_ptr<test::ServiceProcess> task_;
};

}  // namespace system_test
