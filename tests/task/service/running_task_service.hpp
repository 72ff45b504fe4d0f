#pragma once
// The real task-service binary on a fresh database, for HTTP integration
// tests, plus a small client that signs its requests with tokens forged by
// test_support_jwt (independent of the service's own JWT code).

#include <cstdint>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "support/http_client.hpp"
#include "support/service_process.hpp"

namespace task_test {

inline constexpr std::string_view kSecret = "task-service-integration-secret-0123456789";

struct ServiceOptions {
  std::string max_body_bytes = "65536";
};

class RunningTaskService {
 public:
  explicit RunningTaskService(ServiceOptions options = {});
  ~RunningTaskService();

  std::uint16_t port() const { return port_; }
  const std::string& database_url() const { return database_url_; }
  test::ServiceProcess& process() { return *process_; }

 private:
  std::string database_url_;
  std::uint16_t port_ = 0;
  std::unique_ptr<test::ServiceProcess> process_;
};

// A fresh user: a random UUID and a valid token for it.
struct User {
  std::string id;
  std::string token;
};
User new_user();
std::string token_for(std::string_view user_id);

// Requests as `user` (no Authorization header when user is null).
class Client {
 public:
  Client(std::uint16_t port, const User& user) : port_(port), token_(user.token) {}

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
