#include "running_task_service.hpp"

#include <random>

#include <catch2/catch.hpp>

#include "support/jwt_forge.hpp"
#include "support/test_database.hpp"

namespace task_test {

RunningTaskService::RunningTaskService(ServiceOptions options)
    : database_url_(test_support::create_test_database("task_http")), port_(test::free_port()) {
  process_ = std::make_unique<test::ServiceProcess>(TASK_SERVICE_PATH,
                                                    test::ServiceProcess::Environment{
                                                        {"DATABASE_URL", database_url_},
                                                        {"JWT_SECRET", std::string(kSecret)},
                                                        {"TASK_PORT", std::to_string(port_)},
                                                        {"HTTP_THREADS", "2"},
                                                        {"DB_POOL_SIZE", "2"},
                                                        {"MAX_BODY_BYTES", options.max_body_bytes},
                                                        {"LOG_LEVEL", "warn"},
                                                    });
  process_->wait_until_healthy(port_);
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
