// The pair of real services: task-service follows auth-service's feed across
// restarts of either, and an unreachable feed is served from what is known,
// or refused once REVOCATION_FAIL_CLOSED_AFTER is exceeded.
#include <chrono>
#include <thread>

#include <catch2/catch.hpp>

#include "system/two_services.hpp"

using system_test::TwoServices;
using namespace std::chrono_literals;

namespace {

// Polls until `done` or `bound` passes (then fails); returns the time taken.
template <class Done>
std::chrono::milliseconds within(std::chrono::milliseconds bound, const char* what, Done done) {
  const auto started = std::chrono::steady_clock::now();
  for (;;) {
    if (done()) {
      return std::chrono::duration_cast<std::chrono::milliseconds>(
          std::chrono::steady_clock::now() - started);
    }
    if (std::chrono::steady_clock::now() - started > bound) FAIL(what << ": not within bound");
    std::this_thread::sleep_for(20ms);
  }
}

bool revoked(const test::HttpResponse& response) {
  return response.status == 401 &&
         response.json() == nlohmann::json{{"detail", "Token has been revoked"}};
}

}  // namespace

TEST_CASE("a restarted task-service refuses a revoked token before it reports ready",
          "[integration][system]") {
  TwoServices services;
  const auto revoked_token = services.login("ada@example.com");
  const auto good_token = services.login("ada@example.com");
  REQUIRE(services.logout(revoked_token).status == 204);
  within(2000ms, "revocation followed", [&] { return revoked(services.tasks(revoked_token)); });

  services.stop_task();
  services.start_task(/*wait_ready=*/false);
  // From its first answer on: never 200 for the revoked token; 503 until the
  // snapshot is loaded, then 401.
  bool ready = false;
  const auto deadline = std::chrono::steady_clock::now() + 30s;
  while (!ready && std::chrono::steady_clock::now() < deadline) {
    const auto answer = services.tasks(revoked_token);
    INFO(answer.status << " " << answer.body);
    REQUIRE((answer.status == 503 || revoked(answer)));
    ready = test::http_request(services.task_port(), "GET", "/readyz").status == 200;
  }
  REQUIRE(ready);
  CHECK(revoked(services.tasks(revoked_token)));
  CHECK(services.tasks(good_token).status == 200);
}

TEST_CASE(
    "with auth-service stopped, task-service keeps serving known-good tokens and "
    "catches up when it is back",
    "[integration][system]") {
  TwoServices services;
  const auto token = services.login("ada@example.com");
  const auto later_revoked = services.login("ada@example.com");
  CHECK(services.tasks(token).status == 200);

  services.stop_auth();
  std::this_thread::sleep_for(3s);  // well past any fail-closed default (there is none)
  CHECK(services.tasks(token).status == 200);
  CHECK(test::http_request(services.task_port(), "GET", "/readyz").status == 200);

  services.start_auth();
  REQUIRE(services.logout(later_revoked).status == 204);
  const auto took = within(10000ms, "revocation after auth-service's restart",
                           [&] { return revoked(services.tasks(later_revoked)); });
  INFO("followed after " << took.count() << " ms");
  CHECK(services.tasks(token).status == 200);
}

TEST_CASE(
    "REVOCATION_FAIL_CLOSED_AFTER: 503 once the feed has been silent that long, and "
    "service again when it answers",
    "[integration][system]") {
  TwoServices services("2");
  const auto token = services.login("ada@example.com");
  REQUIRE(services.tasks(token).status == 200);

  services.stop_auth();
  const auto took =
      within(10000ms, "fail closed", [&] { return services.tasks(token).status == 503; });
  CHECK(took >= 1500ms);  // not before the lag passes 2 s (minus polling slack)
  const auto refused = services.tasks(token);
  CHECK(refused.json()["detail"].is_string());

  services.start_auth();
  within(10000ms, "open again", [&] { return services.tasks(token).status == 200; });
}
