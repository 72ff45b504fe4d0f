// POST /auth/login: both body forms, the defences, hashes from other libraries.
#include <thread>

#include <catch2/catch.hpp>

#include "auth/http/auth_service.hpp"

using auth::testing::AuthService;
using test::http_json;
using test::http_request;

namespace {
void require_bad_credentials(const test::HttpResponse& response) {
  REQUIRE(response.status == 401);
  CHECK(response.json() == nlohmann::json{{"detail", "Incorrect email or password"}});
  CHECK(response.header("www-authenticate") == "Bearer");
}
const test::Headers kForm = {{"Content-Type", "application/x-www-form-urlencoded"}};
}  // namespace

TEST_CASE("login answers a bearer token, and wrong password and unknown email look alike",
          "[integration][login]") {
  AuthService service;
  REQUIRE(service.signup("ada@example.com", "correct horse").status == 201);
  const auto ok = service.login("ADA@example.com ", "correct horse");
  REQUIRE(ok.status == 200);
  const auto body = ok.json();
  CHECK(body.size() == 5);
  CHECK(body["token_type"] == "bearer");
  CHECK(body["expires_in"] == 604800);
  CHECK(body["refresh_expires_in"] == 2592000);
  CHECK(body["refresh_token"].get<std::string>().size() == 43);
  CHECK(ok.header("cache-control") == "no-store");
  CHECK(service.get("/auth/me", body["access_token"]).json()["email"] == "ada@example.com");

  require_bad_credentials(service.login("ada@example.com", "wrong horse"));
  require_bad_credentials(service.login("nobody@example.com", "correct horse"));
  require_bad_credentials(service.login("not an email", "correct horse"));
  require_bad_credentials(service.login("ada@example.com", ""));
  require_bad_credentials(service.login("ada@example.com", std::string(73, 'x')));
}

TEST_CASE("login accepts the OAuth2 password form Swagger UI sends", "[integration][login]") {
  AuthService service;
  REQUIRE(service.signup("form+user@example.com", "pass word&=1").status == 201);
  const auto ok = http_request(service.port(), "POST", "/auth/login",
                               "grant_type=password&username=form%2Buser%40example.com"
                               "&password=pass+word%26%3D1&scope=&client_id=",
                               kForm);
  REQUIRE(ok.status == 200);
  CHECK(ok.json()["token_type"] == "bearer");
  require_bad_credentials(http_request(service.port(), "POST", "/auth/login",
                                       "username=form%2Buser%40example.com&password=nope", kForm));
  const auto missing = http_request(service.port(), "POST", "/auth/login", "username=x", kForm);
  REQUIRE(missing.status == 422);
  CHECK(missing.json()["detail"] ==
        nlohmann::json::parse(
            R"([{"loc":["body","password"],"msg":"Field required","type":"missing"}])"));
  const auto bad_utf8 =
      http_request(service.port(), "POST", "/auth/login", "username=%FF&password=whatever", kForm);
  REQUIRE(bad_utf8.status == 422);
  CHECK(bad_utf8.json()["detail"][0]["loc"] == nlohmann::json{"body", "username"});
}

TEST_CASE("login validates JSON bodies like signup", "[integration][login]") {
  AuthService service;
  const auto missing = http_json(service.port(), "POST", "/auth/login", {{"email", "a@b.io"}});
  REQUIRE(missing.status == 422);
  CHECK(missing.json()["detail"][0]["type"] == "missing");
  CHECK(missing.json()["detail"][0]["loc"] == nlohmann::json{"body", "password"});
  const auto wrong_type =
      http_json(service.port(), "POST", "/auth/login", {{"email", 1}, {"password", "x"}});
  REQUIRE(wrong_type.status == 422);
  CHECK(wrong_type.json()["detail"][0]["type"] == "string_type");
  const test::Headers json = {{"Content-Type", "application/json"}};
  CHECK(http_request(service.port(), "POST", "/auth/login", "{oops", json).status == 400);
  CHECK(http_request(service.port(), "POST", "/auth/login", "[1]", json).status == 400);
  CHECK(http_request(service.port(), "POST", "/auth/login", "x", {{"Content-Type", "text/xml"}})
            .status == 415);
}

TEST_CASE("users with hashes from python-bcrypt ($2a$, $2b$, $2y$) can log in",
          "[integration][login]") {
  AuthService service;
  const std::string hash = auth::testing::python_bcrypt_hash("migrated password");
  REQUIRE_THAT(hash, Catch::StartsWith("$2b$"));
  int n = 0;
  for (const char* prefix : {"$2a$", "$2b$", "$2y$"}) {
    const std::string email = "migrated" + std::to_string(++n) + "@example.com";
    service.sql("INSERT INTO users (email, hashed_password) VALUES ('" + email + "', '" + prefix +
                hash.substr(4) + "')");
    INFO(prefix);
    CHECK(service.login(email, "migrated password").status == 200);
    require_bad_credentials(service.login(email, "migrated passwore"));
  }
  const std::string cost12 = auth::testing::python_bcrypt_hash("cost twelve!", 12);
  service.sql("INSERT INTO users (email, hashed_password) VALUES ('c12@example.com', '" + cost12 +
              "')");
  CHECK(service.login("c12@example.com", "cost twelve!").status == 200);
}

TEST_CASE("failed logins per email are limited with 429 and Retry-After, and success resets",
          "[integration][login][ratelimit]") {
  AuthService service({{"LOGIN_MAX_FAILURES_PER_EMAIL", "3"}, {"LOGIN_FAILURE_WINDOW", "3"}});
  REQUIRE(service.signup("target@example.com", "right password").status == 201);

  SECTION("a successful login clears the count") {
    require_bad_credentials(service.login("target@example.com", "wrong 1"));
    require_bad_credentials(service.login("target@example.com", "wrong 2"));
    REQUIRE(service.login("target@example.com", "right password").status == 200);
    require_bad_credentials(service.login("target@example.com", "wrong 3"));
    require_bad_credentials(service.login("target@example.com", "wrong 4"));
    CHECK(service.login("target@example.com", "right password").status == 200);
  }
  SECTION("over the limit even the right password gets 429 until the window passes") {
    for (int i = 0; i < 3; ++i)
      require_bad_credentials(service.login("TARGET@example.com", "wrong"));
    const auto limited = service.login("target@example.com", "right password");
    REQUIRE(limited.status == 429);
    CHECK(limited.json()["detail"].is_string());
    const auto retry_after = limited.header("retry-after");
    REQUIRE(retry_after.has_value());
    CHECK(std::stoi(*retry_after) >= 1);
    CHECK(std::stoi(*retry_after) <= 3);
    // Another email from the same client is unaffected.
    require_bad_credentials(service.login("other@example.com", "wrong"));
    std::this_thread::sleep_for(std::chrono::seconds(std::stoi(*retry_after)));
    CHECK(service.login("target@example.com", "right password").status == 200);
  }
}

TEST_CASE(
    "failed logins per client address are limited, and X-Forwarded-For only from trusted proxies",
    "[integration][login][ratelimit]") {
  SECTION("the loopback peer is not trusted: X-Forwarded-For is ignored") {
    AuthService service({{"LOGIN_MAX_FAILURES_PER_CLIENT", "3"}, {"TRUSTED_PROXIES", ""}});
    for (int i = 0; i < 3; ++i) {
      require_bad_credentials(
          service.login("u" + std::to_string(i) + "@example.com", "wrong",
                        {{"X-Forwarded-For", "203.0.113." + std::to_string(i)}}));
    }
    CHECK(
        service.login("fresh@example.com", "wrong", {{"X-Forwarded-For", "198.51.100.7"}}).status ==
        429);
  }
  SECTION("a trusted proxy's X-Forwarded-For names the client") {
    AuthService service(
        {{"LOGIN_MAX_FAILURES_PER_CLIENT", "3"}, {"TRUSTED_PROXIES", "127.0.0.1/32"}});
    const test::Headers attacker = {{"X-Forwarded-For", "203.0.113.9"}};
    for (int i = 0; i < 3; ++i) {
      require_bad_credentials(
          service.login("u" + std::to_string(i) + "@example.com", "wrong", attacker));
    }
    CHECK(service.login("u9@example.com", "wrong", attacker).status == 429);
    require_bad_credentials(
        service.login("u9@example.com", "wrong", {{"X-Forwarded-For", "198.51.100.7"}}));
  }
}

TEST_CASE("a login re-hashes a password stored at another cost, and it still logs in",
          "[integration][login]") {
  AuthService service;  // BCRYPT_COST=10
  const std::string cost12 = auth::testing::python_bcrypt_hash("cost twelve!", 12);
  service.sql("INSERT INTO users (email, hashed_password) VALUES ('old@example.com', '" + cost12 +
              "')");
  REQUIRE(service.login("old@example.com", "cost twelve!").status == 200);
  const std::string stored =
      service.sql_text("SELECT hashed_password FROM users WHERE email = 'old@example.com'");
  CHECK(stored.rfind("$2b$10$", 0) == 0);
  CHECK(service.login("old@example.com", "cost twelve!").status == 200);
  require_bad_credentials(service.login("old@example.com", "cost twelve?"));
}
