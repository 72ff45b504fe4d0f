#pragma once
// The real task-service binary on a fresh database, following a fake
// revocation feed (support/fake_feed_server.hpp) in the test process, for
// HTTP integration tests, plus a small client that signs its requests with
// tokens forged by test_support_jwt (independent of the service's own JWT code).

#include <cstdint>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "support/fake_feed_server.hpp"
#include "support/http_client.hpp"
#include "support/service_process.hpp"

namespace task_test {

inline constexpr std::string_view kSecret = "task-service-integration-secret-0123456789";
inline constexpr std::string_view kServiceSecret = "task-service-integration-service-secret-0123";

struct ServiceOptions {
  std::string max_body_bytes = "65536";
  std::string fail_closed_after = "0";       // REVOCATION_FAIL_CLOSED_AFTER
  std::string deletion_batch_size = "1000";  // USER_DELETION_BATCH_SIZE
  std::string max_tasks_per_user = "10000";  // MAX_TASKS_PER_USER
  bool feed_down_at_start = false;           // the fake feed answers 503 until set_down(false)
};

class RunningTaskService {
 public:
  // Started, and (unless the feed is down) ready: the first snapshot is in.
  explicit RunningTaskService(ServiceOptions options = {});
  ~RunningTaskService();

  std::uint16_t port() const { return port_; }
  const std::string& database_url() const { return database_url_; }
  test::ServiceProcess& process() { return *process_; }
  FakeFeedServer& feed() { return *feed_; }

  // SIGTERM, wait for a clean exit (status 0), start anew on the same
  // database and port, and wait until ready.
  void restart();
  // Polls /readyz until 200; false when `timeout` passes first.
  bool wait_until_ready(std::chrono::milliseconds timeout = std::chrono::seconds(10));

 private:
  void start();

  ServiceOptions options_;
  std::string database_url_;
  std::uint16_t port_ = 0;
  std::unique_ptr<FakeFeedServer> feed_;
  std::unique_ptr<test::ServiceProcess> process_;
};

// A fresh user: a random UUID and a valid token for it.
struct User {
  std::string id;
  std::string token;
};
User new_user();
std::string token_for(std::string_view user_id);
// A token of the user with its own `jti` and `iat` (expiring 10 minutes after it).
std::string token_for(std::string_view user_id, std::string_view jti, std::int64_t issued_at);
// The body's "detail", or "" when there is none.
std::string detail_of(const test::HttpResponse& response);

// Requests as `user` (no Authorization header when user is null).
class Client {
 public:
  Client(std::uint16_t port, const User& user) : port_(port), token_(user.token) {}
  Client(std::uint16_t port, std::string token) : port_(port), token_(std::move(token)) {}

  test::HttpResponse get(const std::string& target) const;
  test::HttpResponse post(const std::string& target, const nlohmann::json& body) const;
  test::HttpResponse put(const std::string& target, const nlohmann::json& body) const;
  test::HttpResponse patch(const std::string& target, const nlohmann::json& body) const;
  test::HttpResponse del(const std::string& target) const;
  // Any method, raw body, extra headers (Authorization added).
  test::HttpResponse raw(std::string_view method, const std::string& target, std::string_view body,
                         test::Headers headers = {}) const;

  // POST /api/tasks that must succeed; returns the created task.
  nlohmann::json create(const nlohmann::json& body) const;

 private:
  std::uint16_t port_;
  std::string token_;
};

// The single FastAPI-shaped violation of a 422, as "loc.joined:type".
std::string violation(const test::HttpResponse& response);

}  // namespace task_test
