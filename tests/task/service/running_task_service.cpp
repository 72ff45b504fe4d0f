#include "running_task_service.hpp"

#include <random>
#include <stdexcept>
#include <thread>

#include <catch2/catch.hpp>

#include "support/jwt_forge.hpp"
#include "support/test_database.hpp"

namespace task_test {

RunningTaskService::RunningTaskService(ServiceOptions options)
    : options_(std::move(options)),
      database_url_(test_support::create_test_database("task_http")),
      port_(test::free_port()),
      feed_(std::make_unique<FakeFeedServer>(kServiceSecret)) {
  feed_->set_down(options_.feed_down_at_start);
  start();
}

void RunningTaskService::start() {
  process_ = std::make_unique<test::ServiceProcess>(
      TASK_SERVICE_PATH, test::ServiceProcess::Environment{
                             {"DATABASE_URL", database_url_},
                             {"JWT_SECRET", std::string(kSecret)},
                             {"SERVICE_JWT_SECRET", std::string(kServiceSecret)},
                             {"AUTH_INTERNAL_URL", feed_->url()},
                             {"REVOCATION_FAIL_CLOSED_AFTER", options_.fail_closed_after},
                             {"USER_DELETION_BATCH_SIZE", options_.deletion_batch_size},
                             {"MAX_TASKS_PER_USER", options_.max_tasks_per_user},
                             {"TASK_PORT", std::to_string(port_)},
                             {"HTTP_THREADS", "2"},
                             {"DB_POOL_SIZE", "3"},
                             {"MAX_BODY_BYTES", options_.max_body_bytes},
                             {"LOG_LEVEL", "warn"},
                         });
  process_->wait_until_healthy(port_);
  if (!options_.feed_down_at_start && !wait_until_ready()) {
    throw std::runtime_error("task-service did not become ready; log:\n" + process_->log());
  }
}

void RunningTaskService::restart() {
  const int status = process_->stop();
  if (status != 0) {
    throw std::runtime_error("task-service exited with " + std::to_string(status) + "; log:\n" +
                             process_->log());
  }
  options_.feed_down_at_start = false;
  start();
}

bool RunningTaskService::wait_until_ready(std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    if (test::http_request(port_, "GET", "/readyz").status == 200) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return false;
}

RunningTaskService::~RunningTaskService() {
  const int status = process_->stop();
  if (status != 0) {
    // A destructor cannot fail the test; leave the evidence.
    std::fprintf(stderr, "task-service exited with %d\n%s\n", status, process_->log().c_str());
  }
}

std::string token_for(std::string_view user_id) {
  const auto now = test::unix_now();
  return test::forge_token(test::kHs256Header,
                           test::valid_claims_json(user_id, "user@example.com", now, now + 600),
                           kSecret);
}

std::string token_for(std::string_view user_id, std::string_view jti, std::int64_t issued_at) {
  const nlohmann::json claims = {{"sub", user_id},     {"email", "user@example.com"},
                                 {"iat", issued_at},   {"exp", issued_at + 600},
                                 {"iss", "todo-auth"}, {"aud", "todo-api"},
                                 {"jti", jti}};
  return test::forge_token(test::kHs256Header, claims.dump(), kSecret);
}

std::string detail_of(const test::HttpResponse& response) {
  const auto body = nlohmann::json::parse(response.body, nullptr, false);
  if (!body.is_object() || !body.contains("detail") || !body["detail"].is_string()) return "";
  return body["detail"].get<std::string>();
}

User new_user() {
  static std::mt19937_64 generator{std::random_device{}()};
  static constexpr char kHex[] = "0123456789abcdef";
  std::string id;
  for (int i = 0; i < 32; ++i) {
    if (i == 8 || i == 12 || i == 16 || i == 20) id.push_back('-');
    id.push_back(i == 12 ? '4' : kHex[generator() % 16]);
  }
  return {id, token_for(id)};
}

test::HttpResponse Client::raw(std::string_view method, const std::string& target,
                               std::string_view body, test::Headers headers) const {
  if (!token_.empty()) headers.emplace_back("Authorization", "Bearer " + token_);
  return test::http_request(port_, method, target, body, headers);
}

test::HttpResponse Client::get(const std::string& target) const {
  return raw("GET", target, {});
}
test::HttpResponse Client::del(const std::string& target) const {
  return raw("DELETE", target, {});
}
test::HttpResponse Client::post(const std::string& target, const nlohmann::json& body) const {
  return raw("POST", target, body.dump(), {{"Content-Type", "application/json"}});
}
test::HttpResponse Client::put(const std::string& target, const nlohmann::json& body) const {
  return raw("PUT", target, body.dump(), {{"Content-Type", "application/json"}});
}
test::HttpResponse Client::patch(const std::string& target, const nlohmann::json& body) const {
  return raw("PATCH", target, body.dump(), {{"Content-Type", "application/json"}});
}

nlohmann::json Client::create(const nlohmann::json& body) const {
  const auto response = post("/api/tasks", body);
  INFO(response.body);
  REQUIRE(response.status == 201);
  return response.json();
}

std::string violation(const test::HttpResponse& response) {
  INFO(response.body);
  REQUIRE(response.status == 422);
  const auto detail = response.json().at("detail");
  REQUIRE(detail.size() == 1);
  std::string location;
  for (const auto& part : detail[0].at("loc")) {
    location += (location.empty() ? "" : ".") +
                (part.is_string() ? part.get<std::string>() : part.dump() + "#");
  }
  return location + ":" + detail[0].at("type").get<std::string>();
}

}  // namespace task_test
