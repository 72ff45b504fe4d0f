// The login and sign-up limits through the real service: counters in
// PostgreSQL, shared by replicas, surviving restarts, bounded under abuse.
#include <fstream>
#include <string>

#include <catch2/catch.hpp>

#include "auth/http/auth_service.hpp"

using auth::testing::AuthService;

namespace {

long rss_kib(pid_t pid) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  for (std::string line; std::getline(status, line);) {
    if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
  }
  return -1;
}

// Another auth-service on the same database, with the same limit: a replica.
test::ServiceProcess::Environment replica_environment(const AuthService& first,
                                                      std::uint16_t port) {
  auto environment = auth::testing::base_environment(first.database_url(), port);
  environment.emplace_back("LOGIN_MAX_FAILURES_PER_EMAIL", "4");
  return environment;
}
struct Replica {
  explicit Replica(const AuthService& first)
      : port(test::free_port()), process(AUTH_SERVICE_PATH, replica_environment(first, port)) {
    process.wait_until_healthy(port, std::chrono::seconds(60));
  }
  test::HttpResponse login(const std::string& email, const std::string& password) const {
    return test::http_json(port, "POST", "/auth/login", {{"email", email}, {"password", password}});
  }
  std::uint16_t port;
  test::ServiceProcess process;
};

}  // namespace

TEST_CASE("failed logins count across replicas and survive a restart",
          "[integration][login][ratelimit]") {
  AuthService first({{"LOGIN_MAX_FAILURES_PER_EMAIL", "4"}});
  REQUIRE(first.signup("target@example.com", "right password").status == 201);
  {
    Replica second(first);
    CHECK(first.login("target@example.com", "wrong").status == 401);
    CHECK(second.login("target@example.com", "wrong").status == 401);
    CHECK(first.login("target@example.com", "wrong").status == 401);
    CHECK(second.login("target@example.com", "wrong").status == 401);
    // Four failures over two replicas: the limit, not twice it.
    CHECK(first.login("target@example.com", "right password").status == 429);
    CHECK(second.login("target@example.com", "right password").status == 429);
  }
  // A replica started afterwards (as after a rollout) still refuses.
  Replica restarted(first);
  CHECK(restarted.login("target@example.com", "right password").status == 429);
}

TEST_CASE("every spelling of one account shares its failure counter, the Kelvin sign too",
          "[integration][login][ratelimit]") {
  AuthService service({{"LOGIN_MAX_FAILURES_PER_EMAIL", "3"}});
  REQUIRE(service.signup("mike@example.com", "right password").status == 201);
  CHECK(service.login("MIKE@example.com", "wrong").status == 401);
  CHECK(service.login("mi\u212Ae@example.com", "wrong").status == 401);  // U+212A
  CHECK(service.login(" Mike@Example.com ", "wrong").status == 401);
  CHECK(service.login("mike@example.com", "right password").status == 429);
  // The Kelvin spelling is the same account, for sign-up too.
  CHECK(service.signup("mi\u212Ae@example.com", "another password").status == 409);
}

TEST_CASE("sign-ups beyond SIGNUP_MAX_PER_CLIENT per window get 429 with Retry-After",
          "[integration][signup][ratelimit]") {
  AuthService service({{"SIGNUP_MAX_PER_CLIENT", "2"}, {"SIGNUP_WINDOW", "600"}});
  CHECK(service.signup("one@example.com", "first password").status == 201);
  CHECK(service.signup("two@example.com", "second password").status == 201);
  const auto refused = service.signup("three@example.com", "third password");
  REQUIRE(refused.status == 429);
  CHECK(refused.json()["detail"].is_string());
  const auto retry_after = refused.header("retry-after");
  REQUIRE(retry_after.has_value());
  CHECK(std::stoi(*retry_after) > 0);
  CHECK(std::stoi(*retry_after) <= 600);
  CHECK(service.sql_text("SELECT count(*) FROM users") == "2");
}

// What used to exhaust memory: every distinct invented address held a
// counter. Now an address that cannot be an account counts for the client
// only, and the counters live in the database, one row per key.
TEST_CASE("5,000 failed logins with distinct 60 KB emails leave memory and the table bounded",
          "[integration][login][ratelimit]") {
  // AddressSanitizer keeps freed memory in quarantine (256 MB by default),
  // which would be counted as growth here: not in this service.
  AuthService service({{"ASAN_OPTIONS", "quarantine_size_mb=0"}});
  REQUIRE(service.signup("warm@example.com", "warm-up password").status == 201);
  test::HttpConnection client(service.port());
  const auto fail_logins = [&](int first, int count) {
    int refused = 0;
    for (int i = first; i < first + count; ++i) {
      const std::string email = std::to_string(i) + std::string(60000, 'x') + "@example.com";
      const auto answer = client.request(
          "POST", "/auth/login", nlohmann::json{{"email", email}, {"password", "wrong"}}.dump(),
          {{"Content-Type", "application/json"}});
      if (answer.status == 401 || answer.status == 429) ++refused;
    }
    return refused;
  };
  // Warm-up: the allocators' caches and the first 100 failures (each one a
  // bcrypt check) before the client's limit answers 429 at once.
  REQUIRE(fail_logins(0, 300) == 300);
  (void)service.login("warm@example.com", "wrong");
  const long before = rss_kib(service.process().pid());
  REQUIRE(before > 0);
  CHECK(fail_logins(300, 5000) == 5000);
  const long after = rss_kib(service.process().pid());
  INFO("RSS before " << before << " KiB, after " << after << " KiB");
  CHECK(after - before < 5 * 1024);
  // No row per invented address: the client's failures, and the warm-up's
  // email and sign-up.
  CHECK(std::stoi(service.sql_text("SELECT count(*) FROM attempt_counters")) <= 3);
}
