// Health, readiness, metrics, configuration failures, and the logs.
#include <catch2/catch.hpp>
#include <soci/soci.h>

#include "auth/http/auth_service.hpp"
#include "shared/db/connection_pool.hpp"

#include "support/test_database.hpp"

using auth::testing::AuthService;
using test::http_request;

TEST_CASE("healthz, readyz and metrics", "[integration][operational]") {
  AuthService service;
  const auto health = http_request(service.port(), "GET", "/healthz");
  CHECK(health.status == 200);
  CHECK(health.json() == nlohmann::json{{"status", "ok"}});
  const auto ready = http_request(service.port(), "GET", "/readyz");
  CHECK(ready.status == 200);
  CHECK(ready.json()["status"] == "ready");
  const auto metrics = http_request(service.port(), "GET", "/metrics");
  CHECK(metrics.status == 200);
  CHECK_THAT(metrics.body, Catch::Contains("# TYPE password_hash_queue_depth gauge"));
  CHECK_THAT(metrics.body,
             Catch::Contains("password_hash_queue_depth{service=\"auth-service\"} 0"));
  CHECK_THAT(metrics.body, Catch::Contains("# TYPE db_pool_in_use gauge"));
  CHECK_THAT(metrics.body, Catch::Contains("# TYPE db_pool_idle gauge"));
  CHECK_THAT(metrics.body, Catch::Contains("http_requests_total"));
}

TEST_CASE("readyz turns 503 when the database goes away", "[integration][operational]") {
  AuthService service;
  REQUIRE(http_request(service.port(), "GET", "/readyz").status == 200);
  const std::string url = service.database_url();
  // create_test_database gives postgresql:///?...&dbname=<name>&...
  const auto start = url.find("dbname=") + 7;
  const std::string name = url.substr(start, url.find('&', start) - start);
  shared::db::ConnectionPool admin({test_support::test_pg_url(), 1});
  REQUIRE(admin
              .with_session([&](soci::session& session) -> shared::Result<int> {
                session << "DROP DATABASE \"" + name + "\" WITH (FORCE)";
                return 0;
              })
              .ok());
  const auto ready = http_request(service.port(), "GET", "/readyz");
  CHECK(ready.status == 503);
  CHECK(ready.json()["status"] == "unavailable");
  CHECK(http_request(service.port(), "GET", "/healthz").status == 200);
  const auto signup = service.signup("down@example.com", "password ok");
  CHECK(signup.status == 503);
  CHECK(signup.json() == nlohmann::json{{"detail", "Service temporarily unavailable"}});
  const auto login = service.login("down@example.com", "password ok");
  CHECK(login.status == 503);
  CHECK_THAT(login.body, !Catch::Contains("SQL") && !Catch::Contains("database"));
}

TEST_CASE("a missing or short secret stops start-up with one clear line", "[integration][config]") {
  const auto url = test_support::create_test_database("auth_config");
  auto environment = auth::testing::base_environment(url, test::free_port());
  std::erase_if(environment, [](const auto& entry) { return entry.first == "JWT_SECRET"; });
  {
    test::ServiceProcess process(AUTH_SERVICE_PATH, environment);
    CHECK(process.wait_for_exit() == 1);
    CHECK_THAT(process.log(), Catch::Contains("JWT_SECRET") && Catch::Contains("must be set"));
  }
  environment.emplace_back("JWT_SECRET", "too-short-secret");
  {
    test::ServiceProcess process(AUTH_SERVICE_PATH, environment);
    CHECK(process.wait_for_exit() == 1);
    CHECK_THAT(process.log(), Catch::Contains("at least 32 bytes"));
    CHECK_THAT(process.log(), !Catch::Contains("too-short-secret"));
  }
  environment.back().second = auth::testing::kSecret;
  std::erase_if(environment, [](const auto& entry) { return entry.first == "BCRYPT_COST"; });
  environment.emplace_back("BCRYPT_COST", "9");
  {
    test::ServiceProcess process(AUTH_SERVICE_PATH, environment);
    CHECK(process.wait_for_exit() == 1);
    CHECK_THAT(process.log(), Catch::Contains("BCRYPT_COST"));
  }
}

TEST_CASE("the migrate-only flag applies the schema and exits 0", "[integration][config]") {
  const auto url = test_support::create_test_database("auth_migrate");
  test::ServiceProcess process(AUTH_SERVICE_PATH,
                               auth::testing::base_environment(url, test::free_port()),
                               {"--migrate-only"});
  REQUIRE(process.wait_for_exit() == 0);
  shared::db::ConnectionPool pool({url, 1});
  const auto users = pool.with_session([](soci::session& session) -> shared::Result<int> {
    int count = -1;
    session << "SELECT count(*) FROM users", soci::into(count);
    return count;
  });
  REQUIRE(users.ok());
  CHECK(*users == 0);
}

TEST_CASE("no password, hash, token or secret appears in the debug log", "[integration][logging]") {
  AuthService service({{"LOG_LEVEL", "debug"}});
  const std::string password = "Secret-Pa55word-xyzzy";
  REQUIRE(service.signup("logged@example.com", password).status == 201);
  const auto login = service.login("logged@example.com", password);
  REQUIRE(login.status == 200);
  const std::string token = login.json()["access_token"];
  REQUIRE(service.login("logged@example.com", password + "-wrong").status == 401);
  REQUIRE(service.login("nobody@example.com", password).status == 401);
  REQUIRE(service.get("/auth/me", token).status == 200);
  REQUIRE(service.get("/auth/verify", token).status == 200);
  REQUIRE(service.get("/auth/verify", token + "x").status == 401);
  REQUIRE(test::http_request(service.port(), "POST", "/auth/login",
                             "username=logged%40example.com&password=" + password,
                             {{"Content-Type", "application/x-www-form-urlencoded"}})
              .status == 200);
  const std::string hash = service.sql_text("SELECT hashed_password FROM users");
  REQUIRE(service.process().stop() == 0);
  const std::string log = service.process().log();
  CHECK_THAT(log, Catch::Contains("route=/auth/login"));
  CHECK_THAT(log, !Catch::Contains(password));
  CHECK_THAT(log, !Catch::Contains(hash));
  CHECK_THAT(log, !Catch::Contains(hash.substr(7)));  // the salt+digest part
  CHECK_THAT(log, !Catch::Contains(token));
  CHECK_THAT(log, !Catch::Contains(token.substr(token.rfind('.') + 1)));  // the signature
  CHECK_THAT(log, !Catch::Contains(auth::testing::kSecret));
}
