// MAX_TASKS_PER_USER through the real binary: the create past the limit is
// a 409 naming it, two creates racing for the last slot give exactly one
// 201 and one 409, and deleting a task frees its slot.
#include <array>
#include <latch>
#include <thread>

#include <catch2/catch.hpp>

#include "running_task_service.hpp"

using task_test::Client;

namespace {

constexpr int kLimit = 3;

test::Headers json_headers(const task_test::User& user) {
  return {{"Authorization", "Bearer " + user.token}, {"Content-Type", "application/json"}};
}

// Two POST /api/tasks of one user sent at the same moment, each on a
// connection opened beforehand, so neither waits for a connect.
std::array<test::HttpResponse, 2> two_creates_at_once(std::uint16_t port,
                                                      const task_test::User& user) {
  std::array<test::HttpResponse, 2> responses;
  std::latch ready(2);
  std::array<std::thread, 2> threads;
  for (std::size_t i = 0; i < threads.size(); ++i) {
    threads[i] = std::thread([&, i] {
      test::HttpConnection connection(port);
      ready.arrive_and_wait();
      responses[i] =
          connection.request("POST", "/api/tasks", R"({"title": "race"})", json_headers(user));
    });
  }
  for (auto& thread : threads) thread.join();
  return responses;
}

void check_limit_answer(const test::HttpResponse& response) {
  INFO(response.body);
  CHECK(response.status == 409);
  CHECK(task_test::detail_of(response) == "Task limit reached (3)");
  CHECK_THAT(response.header("content-type").value_or(""), Catch::StartsWith("application/json"));
}

}  // namespace

TEST_CASE("MAX_TASKS_PER_USER: 409 past the limit, per user, and a delete frees a slot",
          "[http][limit]") {
  task_test::RunningTaskService service({.max_tasks_per_user = std::to_string(kLimit)});
  const auto user = task_test::new_user();
  const Client client(service.port(), user);
  std::vector<std::int64_t> ids;
  for (int i = 0; i < kLimit; ++i) ids.push_back(client.create({{"title", "t"}})["id"]);

  check_limit_answer(client.post("/api/tasks", {{"title", "one too many"}}));
  CHECK(client.get("/api/tasks").header("x-total-count") == std::to_string(kLimit));
  // Another user is not affected.
  Client(service.port(), task_test::new_user()).create({{"title", "mine"}});
  // A body that fails validation is still a 422: the limit is checked on a valid task.
  CHECK(client.post("/api/tasks", {{"title", ""}}).status == 422);

  REQUIRE(client.del("/api/tasks/" + std::to_string(ids.front())).status == 204);
  client.create({{"title", "in the freed slot"}});
  check_limit_answer(client.post("/api/tasks", {{"title", "one too many"}}));
}

TEST_CASE("two creates racing for the last slot: exactly one 201 and one 409", "[http][limit]") {
  task_test::RunningTaskService service({.max_tasks_per_user = std::to_string(kLimit)});
  const auto user = task_test::new_user();
  const Client client(service.port(), user);
  for (int i = 0; i < kLimit - 1; ++i) client.create({{"title", "t"}});

  // Several rounds, each freeing one slot and racing for it again.
  constexpr int kRounds = 5;
  for (int round = 0; round < kRounds; ++round) {
    INFO("round " << round);
    const auto [a, b] = two_creates_at_once(service.port(), user);
    INFO(a.body << " / " << b.body);
    REQUIRE(((a.status == 201 && b.status == 409) || (a.status == 409 && b.status == 201)));
    check_limit_answer(a.status == 409 ? a : b);
    const auto created = (a.status == 201 ? a : b).json();
    const auto listed = client.get("/api/tasks");
    REQUIRE(listed.header("x-total-count") == std::to_string(kLimit));
    REQUIRE(client.del("/api/tasks/" + std::to_string(created["id"].get<std::int64_t>())).status ==
            204);
  }
}
