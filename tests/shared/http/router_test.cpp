#include "shared/http/router.hpp"

#include <catch2/catch.hpp>

using shared::http::Request;
using shared::http::Response;
using shared::http::Router;
using Kind = Router::Match::Kind;

namespace {
Router sample_router() {
  Router router;
  auto ok = [](const Request&) { return Response::json(200, nullptr); };
  router.add("GET", "/api/tasks", ok);
  router.add("POST", "/api/tasks", ok);
  router.add("GET", "/api/tasks/{id}", ok);
  router.add("DELETE", "/api/tasks/{id}", ok);
  router.add("PATCH", "/api/tasks/{id}/complete", ok);
  return router;
}
}  // namespace

TEST_CASE("router matches a literal path and names its template", "[unit][http]") {
  const auto match = sample_router().match("GET", "/api/tasks");
  CHECK(match.kind == Kind::kFound);
  CHECK(match.route == "/api/tasks");
  CHECK(match.handler != nullptr);
}

TEST_CASE("router captures path parameters", "[unit][http]") {
  const auto match = sample_router().match("PATCH", "/api/tasks/42/complete");
  REQUIRE(match.kind == Kind::kFound);
  CHECK(match.route == "/api/tasks/{id}/complete");
  REQUIRE(match.params.size() == 1);
  CHECK(match.params[0].first == "id");
  CHECK(match.params[0].second == "42");
}

TEST_CASE("router answers 404 for unknown paths, including near misses", "[unit][http]") {
  const auto router = sample_router();
  for (const char* path : {"/api/task", "/api/tasks/1/2", "/api/tasks//complete", "", "api/tasks",
                           "/api/tasks/1/complete/x", "/"}) {
    INFO(path);
    CHECK(router.match("GET", path).kind == Kind::kNotFound);
  }
}

TEST_CASE("router answers 405 with every allowed method for a known path", "[unit][http]") {
  const auto match = sample_router().match("PUT", "/api/tasks/7");
  CHECK(match.kind == Kind::kMethodNotAllowed);
  CHECK(match.route == "/api/tasks/{id}");
  CHECK(match.allowed_methods == std::vector<std::string>{"GET", "DELETE"});
}

TEST_CASE("a trailing slash is a different path", "[unit][http]") {
  CHECK(sample_router().match("GET", "/api/tasks/").kind == Kind::kNotFound);
}
