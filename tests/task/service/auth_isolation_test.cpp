// Bearer tokens (the shared verifier, locally) and strict per-user isolation.
#include <array>
#include <cstdio>

#include <catch2/catch.hpp>

#include "running_task_service.hpp"
#include "support/jwt_forge.hpp"

using nlohmann::json;
using task_test::Client;

namespace {

// A token minted by PyJWT (another JWT library) with the same secret.
std::string pyjwt_token(const std::string& user_id) {
  const std::string command =
      "/usr/bin/python3 -c 'import jwt, time, sys; now = int(time.time()); "
      "print(jwt.encode({\"sub\": sys.argv[1], \"email\": \"py@example.com\", \"iat\": now, "
      "\"exp\": now + 600, \"iss\": \"todo-auth\", \"aud\": \"todo-api\", \"jti\": \"j1\"}, "
      "sys.argv[2], algorithm=\"HS256\"))' " +
      user_id + " " + std::string(task_test::kSecret);
  std::FILE* pipe = ::popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::array<char, 2048> buffer{};
  std::string out;
  while (std::fgets(buffer.data(), buffer.size(), pipe) != nullptr) out += buffer.data();
  REQUIRE(::pclose(pipe) == 0);
  while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
  return out;
}

test::HttpResponse with_authorization(std::uint16_t port, const std::string& value) {
  return test::http_request(port, "GET", "/api/tasks", {}, {{"Authorization", value}});
}

}  // namespace

TEST_CASE("another user's task behaves exactly like a missing one, on every operation", "[http]") {
  task_test::RunningTaskService service;
  const Client alice(service.port(), task_test::new_user());
  const Client bob(service.port(), task_test::new_user());
  const auto task = alice.create({{"title", "Alice's"}, {"tags", {"private"}}});
  const auto path = "/api/tasks/" + task["id"].dump();
  const auto missing = "/api/tasks/" + std::to_string(task["id"].get<std::int64_t>() + 100000);

  for (const auto& target : {path, missing}) {
    INFO(target);
    const std::vector<test::HttpResponse> answers = {
        bob.get(target),
        bob.put(target, {{"title", "mine now"}}),
        bob.patch(target, {{"completed", true}}),
        bob.raw("PATCH", target + "/complete", {}),
        bob.patch(target + "/complete", {{"completed", true}}),
        bob.del(target)};
    for (const auto& answer : answers) {
      CHECK(answer.status == 404);
      CHECK(answer.json() == json({{"detail", "Task not found"}}));
    }
  }
  CHECK(bob.get("/api/tasks").json() == json::array());
  CHECK(bob.get("/api/tasks").header("x-total-count") == "0");
  CHECK(bob.get("/api/tasks?tag=private").json() == json::array());
  CHECK(alice.get(path).json() == task);  // unchanged, still there
  CHECK(alice.get("/api/tasks").header("x-total-count") == "1");
}

TEST_CASE("a token minted by PyJWT with the same secret is accepted", "[http]") {
  task_test::RunningTaskService service;
  const auto user = task_test::new_user();
  const Client forged(service.port(), user);
  const auto task = forged.create({{"title", "t"}});
  const auto token = pyjwt_token(user.id);
  const auto response = test::http_request(service.port(), "GET", "/api/tasks", {},
                                           {{"Authorization", "Bearer " + token}});
  CHECK(response.status == 200);
  CHECK(response.json() == json::array({task}));
}

TEST_CASE("missing and invalid tokens get 401 with WWW-Authenticate", "[http]") {
  task_test::RunningTaskService service;
  const auto port = service.port();
  const auto user = task_test::new_user();
  const auto now = test::unix_now();

  for (const auto& [method, target] :
       std::vector<std::pair<std::string, std::string>>{{"GET", "/api/tasks"},
                                                        {"POST", "/api/tasks"},
                                                        {"GET", "/api/tasks/1"},
                                                        {"PUT", "/api/tasks/1"},
                                                        {"PATCH", "/api/tasks/1"},
                                                        {"DELETE", "/api/tasks/1"},
                                                        {"PATCH", "/api/tasks/1/complete"},
                                                        {"GET", "/api/tasks/abc"}}) {
    INFO(method << " " << target);
    const auto response = test::http_request(port, method, target);
    CHECK(response.status == 401);
    CHECK(response.header("www-authenticate") == "Bearer");
    CHECK(response.json() == json({{"detail", "Not authenticated"}}));
  }
  CHECK(with_authorization(port, "Basic dXNlcjpwdw==").status == 401);
  CHECK(with_authorization(port, "Bearer").status == 401);

  const std::vector<std::string> rejected = {
      "garbage",
      "a.b.c",
      test::forge_token(test::kHs256Header,
                        test::valid_claims_json(user.id, "e@x.io", now, now + 600),
                        "another-secret-that-is-long-enough-0123456789"),
      test::forge_token(test::kHs256Header,
                        test::valid_claims_json(user.id, "e@x.io", now - 7200, now - 3600),
                        task_test::kSecret),
      test::forge_token(
          test::kHs256Header,
          test::valid_claims_json(user.id, "e@x.io", now, now + 600, "todo-auth", "someone-else"),
          task_test::kSecret),
      test::forge_token(R"({"alg":"HS512","typ":"JWT"})",
                        test::valid_claims_json(user.id, "e@x.io", now, now + 600),
                        task_test::kSecret, test::JwtAlgorithm::kHS512),
      test::forge_token_with_signature(R"({"alg":"none","typ":"JWT"})",
                                       test::valid_claims_json(user.id, "e@x.io", now, now + 600),
                                       ""),
      test::forge_token(test::kHs256Header,
                        test::valid_claims_json("not-a-uuid", "e@x.io", now, now + 600),
                        task_test::kSecret),
  };
  for (const auto& token : rejected) {
    INFO(token);
    const auto response = with_authorization(port, "Bearer " + token);
    CHECK(response.status == 401);
    CHECK(response.header("www-authenticate") == R"(Bearer error="invalid_token")");
    CHECK(response.json()["detail"].is_string());
  }
  CHECK(with_authorization(port, "bearer " + user.token).status == 200);
}
