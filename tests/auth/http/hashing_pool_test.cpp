// bcrypt runs on the bounded worker pool: cheap endpoints stay responsive
// during a login storm, and a full queue answers 503 at once.
#include <atomic>
#include <mutex>
#include <thread>

#include <catch2/catch.hpp>

#include "auth/http/auth_service.hpp"

using auth::testing::AuthService;
using test::http_request;

namespace {
// One login on its own connection, with a timeout long enough for a queue
// of cost-12 hashes on a busy machine; 0 when it failed to answer at all.
test::HttpResponse slow_login(std::uint16_t port, const std::string& email,
                              const std::string& password) {
  try {
    test::HttpConnection connection(port);
    const std::string body = nlohmann::json{{"email", email}, {"password", password}}.dump();
    connection.send_raw(
        "POST /auth/login HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n"
        "Content-Length: " +
        std::to_string(body.size()) + "\r\n\r\n" + body);
    return connection.read_response(std::chrono::seconds(120));
  } catch (const std::exception&) {
    return {};
  }
}
}  // namespace

TEST_CASE("healthz and verify answer while 20 logins are being hashed", "[integration][workers]") {
  // Cost 11 so the storm lasts a second or more even on a fast machine, but
  // stays well inside Pistache's 15 s request timeout on a loaded one (a
  // queued answer later than that becomes a 408: see docs/auth-service.md).
  AuthService service({{"BCRYPT_COST", "11"},
                       {"HASH_WORKERS", "2"},
                       {"HASH_QUEUE_LIMIT", "64"},
                       {"HTTP_THREADS", "2"}});
  const auto token = service.token_for("storm@example.com", "correct horse");

  std::atomic<int> finished{0};
  std::atomic<int> ok{0};
  std::mutex failures_mutex;
  std::vector<std::string> failures;
  std::vector<std::thread> logins;
  for (int i = 0; i < 20; ++i) {
    logins.emplace_back([&] {
      const auto response = slow_login(service.port(), "storm@example.com", "correct horse");
      if (response.status == 200) {
        ++ok;
      } else {
        std::lock_guard lock(failures_mutex);
        failures.push_back(std::to_string(response.status) + " " + response.body);
      }
      ++finished;
    });
  }
  // Wait until the storm is visibly queued, then ask the cheap endpoints.
  bool queued = false;
  for (int i = 0; i < 200 && !queued; ++i) {
    const auto metrics = http_request(service.port(), "GET", "/metrics").body;
    queued = metrics.find("password_hash_queue_depth{service=\"auth-service\"} 0\n") ==
             std::string::npos;
    if (!queued) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  CHECK(queued);
  const auto health = http_request(service.port(), "GET", "/healthz");
  const auto verified = service.get("/auth/verify", token);
  const int finished_when_answered = finished.load();
  CHECK(health.status == 200);
  CHECK(verified.status == 200);
  CHECK(finished_when_answered < 20);  // answered while logins were still in progress
  for (auto& thread : logins) thread.join();
  CHECK(ok == 20);
  for (const auto& failure : failures) UNSCOPED_INFO(failure);
  CHECK(failures.empty());
}

TEST_CASE("a full hashing queue answers 503 fast", "[integration][workers]") {
  AuthService service({{"BCRYPT_COST", "13"}, {"HASH_WORKERS", "1"}, {"HASH_QUEUE_LIMIT", "1"}});
  REQUIRE(service.signup("busy@example.com", "correct horse").status == 201);
  std::mutex mutex;
  std::vector<test::HttpResponse> responses;
  std::vector<std::thread> logins;
  for (int i = 0; i < 6; ++i) {
    logins.emplace_back([&] {
      auto response = slow_login(service.port(), "busy@example.com", "correct horse");
      std::lock_guard lock(mutex);
      responses.push_back(std::move(response));
    });
  }
  for (auto& thread : logins) thread.join();
  int unavailable = 0;
  int answered = 0;
  for (const auto& response : responses) {
    if (response.status == 200) ++answered;
    if (response.status != 503) continue;
    ++unavailable;
    CHECK(response.json() == nlohmann::json{{"detail", "Service temporarily unavailable"}});
    CHECK(response.header("retry-after") == "1");
  }
  // One worker busy and one job queued: of 6 simultaneous logins at least 4
  // are refused at once, and at least the one that was running succeeds.
  CHECK(unavailable >= 1);
  CHECK(answered >= 1);
  CHECK(unavailable + answered == 6);
}
