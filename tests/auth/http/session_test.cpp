// Sessions over real HTTP against the real binary and PostgreSQL: refresh,
// logout, logout-all, password change, account deletion, and the
// revocation feed that other services follow.
#include <chrono>
#include <csignal>
#include <thread>

#include <catch2/catch.hpp>

#include "auth/http/auth_service.hpp"
#include "shared/jwt/service_token.hpp"

#include "support/test_database.hpp"

using auth::testing::AuthService;
using test::http_json;
using test::http_request;
using namespace std::chrono_literals;

namespace {

struct Login {
  std::string access;
  std::string refresh;
};

Login login(const AuthService& service, const std::string& email,
            const std::string& password = "correct horse") {
  const auto response = service.login(email, password);
  REQUIRE(response.status == 200);
  const auto body = response.json();
  return {body["access_token"], body["refresh_token"]};
}

Login sign_up_and_login(const AuthService& service, const std::string& email) {
  REQUIRE(service.signup(email, "correct horse").status == 201);
  return login(service, email);
}

void require_revoked(const test::HttpResponse& response) {
  REQUIRE(response.status == 401);
  CHECK(response.json() == nlohmann::json{{"detail", "Token has been revoked"}});
  CHECK(response.header("www-authenticate") == "Bearer error=\"invalid_token\"");
}

test::HttpResponse refresh(const AuthService& service, const std::string& token) {
  return http_json(service.port(), "POST", "/auth/refresh", {{"refresh_token", token}});
}

void require_invalid_refresh(const test::HttpResponse& response) {
  REQUIRE(response.status == 401);
  CHECK(response.json() == nlohmann::json{{"detail", "Invalid refresh token"}});
}

std::string service_token() {
  return shared::jwt::ServiceTokens(auth::testing::kServiceSecret).mint("task-service");
}

test::HttpResponse feed(const AuthService& service, const std::string& query,
                        const std::string& token = service_token()) {
  return http_request(service.port(), "GET", "/internal/revocations" + query, {},
                      {{"Authorization", "Bearer " + token}});
}

}  // namespace

TEST_CASE("refresh rotates the pair, a spent token presented again kills the chain",
          "[integration][sessions]") {
  AuthService service;
  const auto first = sign_up_and_login(service, "ada@example.com");
  const auto other = login(service, "ada@example.com");

  const auto rotated = refresh(service, first.refresh);
  REQUIRE(rotated.status == 200);
  const auto body = rotated.json();
  CHECK(body.size() == 5);
  CHECK(rotated.header("cache-control") == "no-store");
  const std::string second_access = body["access_token"];
  const std::string second_refresh = body["refresh_token"];
  CHECK(second_refresh != first.refresh);
  CHECK(service.get("/auth/me", second_access).status == 200);

  require_invalid_refresh(refresh(service, first.refresh));  // reuse
  require_revoked(service.get("/auth/me", first.access));
  require_revoked(service.get("/auth/verify", second_access));
  require_invalid_refresh(refresh(service, second_refresh));
  CHECK(service.get("/auth/me", other.access).status == 200);
  CHECK(refresh(service, other.refresh).status == 200);
}

TEST_CASE("refresh: bad bodies are 4xx, unknown tokens 401", "[integration][sessions]") {
  AuthService service;
  require_invalid_refresh(refresh(service, "not-a-token"));
  require_invalid_refresh(refresh(service, ""));
  const auto missing = http_json(service.port(), "POST", "/auth/refresh", nlohmann::json::object());
  REQUIRE(missing.status == 422);
  CHECK(missing.json()["detail"][0]["loc"] == nlohmann::json{"body", "refresh_token"});
  CHECK(http_json(service.port(), "POST", "/auth/refresh", {{"refresh_token", 5}}).status == 422);
  CHECK(http_request(service.port(), "POST", "/auth/refresh", "{",
                     {{"Content-Type", "application/json"}})
            .status == 400);
}

TEST_CASE("logout revokes that token at once, with its refresh token, the chain too",
          "[integration][sessions]") {
  AuthService service;
  const auto laptop = sign_up_and_login(service, "ada@example.com");
  const auto phone = login(service, "ada@example.com");

  const auto out = service.call("POST", "/auth/logout", laptop.access,
                                nlohmann::json{{"refresh_token", laptop.refresh}});
  REQUIRE(out.status == 204);
  CHECK(out.body.empty());
  require_revoked(service.get("/auth/me", laptop.access));
  require_revoked(service.get("/auth/verify", laptop.access));
  require_revoked(service.call("POST", "/auth/logout", laptop.access));
  require_invalid_refresh(refresh(service, laptop.refresh));
  CHECK(service.get("/auth/me", phone.access).status == 200);

  REQUIRE(service.call("POST", "/auth/logout", phone.access).status == 204);  // no body
  require_revoked(service.get("/auth/me", phone.access));
  CHECK(service.call("POST", "/auth/logout", "garbage").status == 401);
  CHECK(http_request(service.port(), "POST", "/auth/logout").status == 401);
}

TEST_CASE("logout-all revokes every token of the user, and a new login works at once",
          "[integration][sessions]") {
  AuthService service;
  const auto one = sign_up_and_login(service, "ada@example.com");
  const auto two = login(service, "ada@example.com");
  const auto bob = sign_up_and_login(service, "bob@example.com");
  REQUIRE(service.call("POST", "/auth/logout-all", two.access).status == 204);
  require_revoked(service.get("/auth/me", one.access));
  require_revoked(service.get("/auth/me", two.access));
  require_invalid_refresh(refresh(service, one.refresh));
  CHECK(service.get("/auth/me", bob.access).status == 200);
  const auto again = login(service, "ada@example.com");
  CHECK(service.get("/auth/me", again.access).status == 200);
}

TEST_CASE(
    "password change: 403 for a wrong password, 422 for a weak one, and only the new "
    "session survives",
    "[integration][sessions]") {
  AuthService service;
  const auto old_session = sign_up_and_login(service, "ada@example.com");
  const auto other = login(service, "ada@example.com");

  const auto wrong = service.call(
      "POST", "/auth/password", old_session.access,
      nlohmann::json{{"current_password", "wrong horse"}, {"new_password", "battery staple"}});
  REQUIRE(wrong.status == 403);
  CHECK(wrong.json() == nlohmann::json{{"detail", "Incorrect password"}});

  const auto weak = service.call(
      "POST", "/auth/password", old_session.access,
      nlohmann::json{{"current_password", "correct horse"}, {"new_password", "short"}});
  REQUIRE(weak.status == 422);
  CHECK(weak.json()["detail"][0]["loc"] == nlohmann::json{"body", "new_password"});
  const auto missing =
      service.call("POST", "/auth/password", old_session.access, nlohmann::json::object());
  REQUIRE(missing.status == 422);
  CHECK(missing.json()["detail"].size() == 2);

  const auto changed = service.call(
      "POST", "/auth/password", old_session.access,
      nlohmann::json{{"current_password", "correct horse"}, {"new_password", "battery staple"}});
  REQUIRE(changed.status == 200);
  CHECK(changed.json().size() == 5);
  CHECK(changed.header("cache-control") == "no-store");
  CHECK(service.get("/auth/me", changed.json()["access_token"]).status == 200);
  require_revoked(service.get("/auth/me", old_session.access));
  require_revoked(service.get("/auth/me", other.access));
  require_invalid_refresh(refresh(service, other.refresh));
  CHECK(refresh(service, changed.json()["refresh_token"]).status == 200);
  CHECK(service.login("ada@example.com", "battery staple").status == 200);
  CHECK(service.login("ada@example.com", "correct horse").status == 401);
}

TEST_CASE("password change: wrong passwords count towards the login limit",
          "[integration][sessions]") {
  AuthService service({{"LOGIN_MAX_FAILURES_PER_EMAIL", "2"}});
  const auto session = sign_up_and_login(service, "ada@example.com");
  const nlohmann::json guess = {{"current_password", "guess"}, {"new_password", "battery staple"}};
  CHECK(service.call("POST", "/auth/password", session.access, guess).status == 403);
  CHECK(service.call("POST", "/auth/password", session.access, guess).status == 403);
  const auto blocked = service.call("POST", "/auth/password", session.access, guess);
  REQUIRE(blocked.status == 429);
  CHECK(blocked.header("retry-after").has_value());
  CHECK(service.login("ada@example.com", "correct horse").status == 429);
}

TEST_CASE("account deletion: 403 for a wrong password, then gone, revoked, and the email free",
          "[integration][sessions]") {
  AuthService service;
  const auto session = sign_up_and_login(service, "ada@example.com");
  const std::string id = service.get("/auth/me", session.access).json()["id"];
  CHECK(service.call("DELETE", "/auth/me", session.access, nlohmann::json{{"password", "nope"}})
            .status == 403);
  CHECK(service.call("DELETE", "/auth/me", session.access, nlohmann::json::object()).status == 422);
  const auto deleted = service.call("DELETE", "/auth/me", session.access,
                                    nlohmann::json{{"password", "correct horse"}});
  REQUIRE(deleted.status == 204);
  require_revoked(service.get("/auth/me", session.access));
  require_invalid_refresh(refresh(service, session.refresh));
  CHECK(service.login("ada@example.com", "correct horse").status == 401);

  const auto again = service.signup("ada@example.com", "another horse");
  REQUIRE(again.status == 201);
  CHECK(again.json()["id"] != id);
}

TEST_CASE("feed: a snapshot, then the events after its cursor, as they happen",
          "[integration][feed]") {
  AuthService service;
  const auto ada = sign_up_and_login(service, "ada@example.com");
  const std::string ada_id = service.get("/auth/me", ada.access).json()["id"];

  const auto empty = feed(service, "");
  REQUIRE(empty.status == 200);
  CHECK(empty.header("cache-control") == "no-store");
  CHECK(empty.json()["events"] == nlohmann::json::array());
  const std::string cursor = empty.json()["cursor"];

  REQUIRE(service.call("POST", "/auth/logout", ada.access).status == 204);
  const auto next = feed(service, "?after=" + cursor);
  REQUIRE(next.status == 200);
  const auto events = next.json()["events"];
  REQUIRE(events.size() == 1);
  CHECK(events[0]["type"] == "token");
  CHECK(events[0]["user_id"] == ada_id);
  CHECK(events[0]["expires_at"].is_number_integer());
  CHECK(events[0]["jti"].get<std::string>().size() == 32);

  const auto snapshot = feed(service, "").json();
  CHECK(snapshot["cursor"] == next.json()["cursor"]);
  CHECK(snapshot["events"] == events);
}

TEST_CASE("feed: a long poll answers as soon as an event exists, or empty when the wait is over",
          "[integration][feed]") {
  AuthService service;
  const auto ada = sign_up_and_login(service, "ada@example.com");
  const std::string cursor = feed(service, "").json()["cursor"];

  const auto started = std::chrono::steady_clock::now();
  const auto quiet = feed(service, "?after=" + cursor + "&wait=1");
  const auto waited = std::chrono::steady_clock::now() - started;
  REQUIRE(quiet.status == 200);
  CHECK(quiet.json()["events"].empty());
  CHECK(quiet.json()["cursor"] == cursor);
  CHECK(waited >= 900ms);

  std::thread logout([&] {
    std::this_thread::sleep_for(300ms);
    CHECK(service.call("POST", "/auth/logout-all", ada.access).status == 204);
  });
  const auto woken = feed(service, "?after=" + cursor + "&wait=25");
  logout.join();
  REQUIRE(woken.status == 200);
  REQUIRE(woken.json()["events"].size() == 1);
  CHECK(woken.json()["events"][0]["type"] == "user");
  CHECK(woken.json()["events"][0]["not_before"].is_number_integer());
}

TEST_CASE("feed: only service tokens get in, bad cursors and waits are refused",
          "[integration][feed]") {
  AuthService service;
  const auto ada = sign_up_and_login(service, "ada@example.com");
  CHECK(feed(service, "", ada.access).status == 401);  // a user token
  CHECK(http_request(service.port(), "GET", "/internal/revocations").status == 401);
  const auto wrong_secret = shared::jwt::ServiceTokens(auth::testing::kSecret).mint("task-service");
  CHECK(feed(service, "", wrong_secret).status == 401);
  // ... and a service token is no user token.
  const auto as_user = service.get("/auth/me", service_token());
  CHECK(as_user.status == 401);
  CHECK(service.get("/auth/verify", service_token()).status == 401);

  CHECK(feed(service, "?after=abc").status == 422);
  CHECK(feed(service, "?after=0&wait=31").status == 422);
  CHECK(feed(service, "?after=0&wait=-1").status == 422);
  const auto future = feed(service, "?after=999999");
  REQUIRE(future.status == 410);
  CHECK(future.json()["detail"].is_string());
}

TEST_CASE("feed: a cursor older than the retained history is 410", "[integration][feed]") {
  AuthService service;
  const auto ada = sign_up_and_login(service, "ada@example.com");
  const std::string before = feed(service, "").json()["cursor"];
  REQUIRE(service.call("POST", "/auth/logout", ada.access).status == 204);
  const auto bob = sign_up_and_login(service, "bob@example.com");
  REQUIRE(service.call("POST", "/auth/logout", bob.access).status == 204);
  // What the background pruning does once events are older than the retention.
  service.sql(
      "WITH gone AS (DELETE FROM revocation_events WHERE id = (SELECT min(id) FROM "
      "revocation_events) RETURNING id) UPDATE revocation_feed_state SET pruned_through "
      "= (SELECT id FROM gone)");
  CHECK(feed(service, "?after=" + before).status == 410);
  const auto snapshot = feed(service, "");
  REQUIRE(snapshot.status == 200);
  CHECK(snapshot.json()["events"].size() == 2);  // still in force
}

TEST_CASE("auth-service refuses to start without a proper service secret",
          "[integration][config]") {
  const auto database_url = test_support::create_test_database("auth_service_secret");
  for (const auto& [value, why] : std::vector<std::pair<std::string, std::string>>{
           {"", "missing"}, {"short", "short"}, {auth::testing::kSecret, "same as JWT_SECRET"}}) {
    INFO(why);
    auto environment = auth::testing::base_environment(database_url, test::free_port());
    std::erase_if(environment, [](const auto& e) { return e.first == "SERVICE_JWT_SECRET"; });
    if (!value.empty()) environment.emplace_back("SERVICE_JWT_SECRET", value);
    test::ServiceProcess process(AUTH_SERVICE_PATH, environment);
    CHECK(process.wait_for_exit(std::chrono::seconds(30)) == 1);
    CHECK_THAT(process.log(), Catch::Contains("SERVICE_JWT_SECRET"));
  }
}

TEST_CASE("a bad token is 401 before the body is looked at", "[integration][sessions]") {
  AuthService service;
  for (const auto& [method, path] : std::vector<std::pair<std::string, std::string>>{
           {"POST", "/auth/password"}, {"DELETE", "/auth/me"}, {"POST", "/auth/logout"}}) {
    INFO(method << " " << path);
    const auto answer = service.call(method, path, "garbage", nlohmann::json::array());
    CHECK(answer.status == 401);
    CHECK(answer.header("www-authenticate") == "Bearer error=\"invalid_token\"");
  }
}

TEST_CASE("with JWT_LEEWAY=0 the session right after a cutoff works at once",
          "[integration][sessions]") {
  AuthService service({{"JWT_LEEWAY", "0"}});
  const auto first = sign_up_and_login(service, "ada@example.com");
  const auto changed = service.call(
      "POST", "/auth/password", first.access,
      nlohmann::json{{"current_password", "correct horse"}, {"new_password", "battery staple"}});
  REQUIRE(changed.status == 200);
  // Dated no later than the clock: not "not yet valid" to a strict verifier.
  CHECK(service.get("/auth/me", changed.json()["access_token"]).status == 200);
  REQUIRE(service.call("POST", "/auth/logout-all", changed.json()["access_token"]).status == 204);
  const auto again = login(service, "ada@example.com", "battery staple");
  CHECK(service.get("/auth/verify", again.access).status == 200);
}

TEST_CASE("SIGTERM answers parked long polls at once instead of waiting out the drain",
          "[integration][feed]") {
  AuthService service;
  const std::string cursor = feed(service, "").json()["cursor"];
  test::HttpResponse held;
  std::thread poll([&] { held = feed(service, "?after=" + cursor + "&wait=30"); });
  std::this_thread::sleep_for(500ms);  // parked by now (a longer wait only delays the test)
  const auto signalled = std::chrono::steady_clock::now();
  service.process().signal(SIGTERM);
  CHECK(service.process().wait_for_exit(std::chrono::seconds(10)) == 0);
  poll.join();
  CHECK(std::chrono::steady_clock::now() - signalled < 5s);
  CHECK(held.status == 200);
  CHECK(held.json()["events"].empty());
}
