// A full page of 100 maximal tasks (over a megabyte: Pistache 0.0.5 has
// hung on large writes), the operational endpoints, and 503 when the
// database goes away.
#include <catch2/catch.hpp>
#include <soci/soci.h>

#include "shared/db/connection_pool.hpp"

#include "running_task_service.hpp"
#include "support/test_database.hpp"

using nlohmann::json;
using task_test::Client;

namespace {
std::string repeat(std::string_view unit, std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += unit;
  return out;
}
}  // namespace

TEST_CASE("a page of 100 maximal tasks arrives whole, repeatedly, on one connection", "[http]") {
  task_test::RunningTaskService service;
  const auto user = task_test::new_user();
  const Client client(service.port(), user);
  json tags = json::array();
  for (int i = 0; i < 20; ++i) tags.push_back(repeat("😀", 48) + std::to_string(i + 10));
  const json maximal = {{"title", repeat("é", 200)},
                        {"description", repeat("\"日\\\n", 500)},
                        {"tags", tags},
                        {"priority", "high"},
                        {"due_date", "2026-12-01T17:00:00.123456Z"}};
  for (int i = 0; i < 100; ++i) client.create(maximal);

  test::HttpConnection connection(service.port());
  for (int round = 0; round < 3; ++round) {
    INFO("round " << round);
    const auto page = connection.request("GET", "/api/tasks?limit=100", {},
                                         {{"Authorization", "Bearer " + user.token}});
    REQUIRE(page.status == 200);
    CHECK(page.header("x-total-count") == "100");
    CHECK(page.body.size() > 500 * 1024);
    const auto tasks = page.json();
    REQUIRE(tasks.size() == 100);
    CHECK(tasks[99]["description"] == maximal["description"]);
    CHECK(tasks[0]["tags"] == tags);
  }
}

TEST_CASE("health, readiness and metrics answer beside the API", "[http]") {
  task_test::RunningTaskService service;
  const Client client(service.port(), task_test::new_user());
  client.create({{"title", "t"}});
  CHECK(test::http_request(service.port(), "GET", "/healthz").json() == json({{"status", "ok"}}));
  CHECK(test::http_request(service.port(), "GET", "/readyz").status == 200);
  const auto metrics = test::http_request(service.port(), "GET", "/metrics");
  CHECK(metrics.status == 200);
  CHECK_THAT(metrics.body, Catch::Contains("route=\"/api/tasks\""));
  CHECK_THAT(metrics.body, Catch::Contains("db_pool_in_use"));
}

TEST_CASE("the database going away gives 503 and not ready, then recovery", "[http]") {
  task_test::RunningTaskService service;
  const Client client(service.port(), task_test::new_user());
  const auto task = client.create({{"title", "t"}});
  const auto& url = service.database_url();  // ...?...&dbname=<name>&...
  const auto name_at = url.find("dbname=") + 7;
  const auto database = url.substr(name_at, url.find('&', name_at) - name_at);

  shared::db::ConnectionPool admin({.url = test_support::test_pg_url(), .size = 1});
  const auto run = [&](const std::string& sql) {
    REQUIRE(admin.with_session([&](soci::session& s) -> shared::Result<bool> {
      s << sql;
      return true;
    }));
  };
  // New connections are refused and existing ones cut: the database is gone
  // as far as the service can tell, while the test keeps its own way in.
  run("ALTER DATABASE \"" + database + "\" ALLOW_CONNECTIONS false");
  run("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database + "'");
  const auto down = client.get("/api/tasks");
  CHECK(down.status == 503);
  CHECK(down.json() == json({{"detail", "Service temporarily unavailable"}}));
  CHECK(client.post("/api/tasks", {{"title", "t"}}).status == 503);
  CHECK(test::http_request(service.port(), "GET", "/readyz").status == 503);
  CHECK(test::http_request(service.port(), "GET", "/healthz").status == 200);

  run("ALTER DATABASE \"" + database + "\" ALLOW_CONNECTIONS true");
  CHECK(client.get("/api/tasks/" + task["id"].dump()).status == 200);
  CHECK(test::http_request(service.port(), "GET", "/readyz").status == 200);
}
