// POST /auth/signup against the real binary and PostgreSQL.
#include <atomic>
#include <regex>
#include <thread>

#include <catch2/catch.hpp>

#include "auth/http/auth_service.hpp"

using auth::testing::AuthService;
using test::http_json;
using test::http_request;

namespace {
nlohmann::json only_violation(const test::HttpResponse& response) {
  REQUIRE(response.status == 422);
  const auto detail = response.json()["detail"];
  REQUIRE(detail.is_array());
  REQUIRE(detail.size() == 1);
  return detail[0];
}
std::string repeat(std::string_view piece, int times) {
  std::string out;
  for (int i = 0; i < times; ++i) out += piece;
  return out;
}
}  // namespace

TEST_CASE("signup answers 201 with Location and the user, email normalised",
          "[integration][signup]") {
  AuthService service;
  const auto response = service.signup("  Ada@Example.COM ", "correct horse battery");
  REQUIRE(response.status == 201);
  CHECK(response.header("location") == "/auth/me");
  CHECK(response.header("content-type") == "application/json; charset=utf-8");
  const auto body = response.json();
  CHECK(body.size() == 3);
  CHECK(body["email"] == "ada@example.com");
  CHECK(
      std::regex_match(body["id"].get<std::string>(),
                       std::regex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")));
  CHECK(std::regex_match(body["created_at"].get<std::string>(),
                         std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,6})?Z)")));
  CHECK(service.sql_text("SELECT email FROM users") == "ada@example.com");
  CHECK_THAT(service.sql_text("SELECT hashed_password FROM users"), Catch::StartsWith("$2b$10$"));
}

TEST_CASE("signup of a taken email is 409 in any letter case", "[integration][signup]") {
  AuthService service;
  REQUIRE(service.signup("grace@example.com", "password one").status == 201);
  for (const char* email : {"grace@example.com", "GRACE@EXAMPLE.COM", " Grace@example.com"}) {
    const auto again = service.signup(email, "password two");
    CHECK(again.status == 409);
    CHECK(again.json() == nlohmann::json{{"detail", "Email already registered"}});
  }
}

TEST_CASE("8 parallel signups of one email: one 201, seven 409", "[integration][signup]") {
  AuthService service({{"HASH_WORKERS", "4"}});
  std::atomic<int> created{0};
  std::atomic<int> conflicts{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back([&, i] {
      const auto status = service
                              .signup(i % 2 ? "race@example.com" : "RACE@example.com",
                                      "password " + std::to_string(i))
                              .status;
      if (status == 201) ++created;
      if (status == 409) ++conflicts;
    });
  }
  for (auto& thread : threads) thread.join();
  CHECK(created == 1);
  CHECK(conflicts == 7);
  CHECK(service.sql_text("SELECT count(*)::text FROM users") == "1");
}

TEST_CASE("signup validates fields with FastAPI's 422 shapes", "[integration][signup]") {
  AuthService service;
  SECTION("invalid and over-long emails") {
    for (const std::string& email :
         {std::string("not-an-email"), std::string("a@b"), std::string("a b@example.com"),
          std::string("@example.com"), std::string("a@@example.com"), std::string(""),
          std::string(243, 'a') + "@example.com", std::string("tab\t@example.com"),
          std::string(10000, 'x')}) {
      const auto violation = only_violation(service.signup(email, "password ok"));
      CHECK(violation["loc"] == nlohmann::json{"body", "email"});
      CHECK(violation["type"] == "value_error");
      CHECK_THAT(violation["msg"].get<std::string>(),
                 Catch::StartsWith("value is not a valid email"));
    }
    CHECK(service.signup(std::string(242, 'a') + "@example.com", "password ok").status == 201);
  }
  SECTION("passwords: 8..72 bytes, counted in bytes") {
    CHECK(only_violation(service.signup("p1@example.com", "short"))["loc"] ==
          nlohmann::json{"body", "password"});
    CHECK(only_violation(service.signup("p2@example.com", std::string(73, 'x')))["loc"] ==
          nlohmann::json{"body", "password"});
    CHECK(only_violation(service.signup("p3@example.com", repeat("€", 24) + "x"))["loc"] ==
          nlohmann::json{"body", "password"});
    const std::string multibyte72 = repeat("€", 24);
    REQUIRE(service.signup("p4@example.com", multibyte72).status == 201);
    CHECK(service.login("p4@example.com", multibyte72).status == 200);
    CHECK(service.login("p4@example.com", multibyte72.substr(0, 69)).status == 401);
    CHECK(service.signup("p5@example.com", std::string(72, 'x')).status == 201);
  }
  SECTION("missing fields are type \"missing\"") {
    const auto response =
        http_json(service.port(), "POST", "/auth/signup", nlohmann::json::object());
    REQUIRE(response.status == 422);
    CHECK(
        response.json()["detail"] ==
        nlohmann::json::parse(R"([{"loc":["body","email"],"msg":"Field required","type":"missing"},
                                    {"loc":["body","password"],"msg":"Field required","type":"missing"}])"));
  }
  SECTION("fields of the wrong JSON type are 422") {
    for (const auto& value : {nlohmann::json(42), nlohmann::json(nullptr), nlohmann::json(true),
                              nlohmann::json::array({"a@b.io"}), nlohmann::json::object()}) {
      const auto response = http_json(service.port(), "POST", "/auth/signup",
                                      {{"email", value}, {"password", "password ok"}});
      const auto violation = only_violation(response);
      CHECK(violation["loc"] == nlohmann::json{"body", "email"});
      CHECK(violation["type"] == "string_type");
      CHECK(only_violation(http_json(service.port(), "POST", "/auth/signup",
                                     {{"email", "ok@example.com"}, {"password", value}}))["loc"] ==
            nlohmann::json{"body", "password"});
    }
  }
}

TEST_CASE("signup refuses bodies that are not a JSON object", "[integration][signup]") {
  AuthService service;
  const test::Headers json = {{"Content-Type", "application/json"}};
  for (const char* body : {"{", "{\"email\": }", "not json", "\xff\xfe"}) {
    const auto response = http_request(service.port(), "POST", "/auth/signup", body, json);
    CHECK(response.status == 400);
    CHECK(response.json()["detail"].is_string());
  }
  // No body at all is a missing body, as FastAPI (and POST /api/tasks) says.
  const auto empty = http_request(service.port(), "POST", "/auth/signup", "", json);
  CHECK(empty.status == 422);
  CHECK(empty.json() ==
        nlohmann::json::parse(
            R"({"detail":[{"loc":["body"],"msg":"Field required","type":"missing"}]})"));
  for (const char* body : {"[]", "\"a@b.io\"", "42", "null"}) {
    CHECK(http_request(service.port(), "POST", "/auth/signup", body, json).status == 400);
  }
  const std::string valid = R"({"email":"ct@example.com","password":"password ok"})";
  CHECK(
      http_request(service.port(), "POST", "/auth/signup", valid, {{"Content-Type", "text/plain"}})
          .status == 415);
  CHECK(http_request(service.port(), "POST", "/auth/signup", valid,
                     {{"Content-Type", "application/x-www-form-urlencoded"}})
            .status == 415);
  const std::string huge =
      R"({"email":"big@example.com","password":")" + std::string(70000, 'x') + "\"}";
  CHECK(http_request(service.port(), "POST", "/auth/signup", huge, json).status == 413);
  CHECK(http_request(service.port(), "GET", "/auth/signup").status == 405);
  CHECK(http_request(service.port(), "POST", "/auth/nothing").status == 404);
}
