// Paths and queries from request-targets in every form a client may send.
#include "request_target.hpp"

#include <catch2/catch.hpp>

using shared::http::parse_request_target;

TEST_CASE("origin form: the path, and the query decoded in order") {
  const auto target = parse_request_target("/api/tasks?tag=a%2Cb&search=milk+tea&tag=c&flag");
  CHECK(target.path == "/api/tasks");
  REQUIRE(target.query.size() == 4);
  CHECK(target.query[0] == std::pair<std::string, std::string>{"tag", "a,b"});
  CHECK(target.query[1].second == "milk tea");
  CHECK(target.query[3] == std::pair<std::string, std::string>{"flag", ""});
}

TEST_CASE("escaped unreserved characters are decoded, other escapes stay") {
  CHECK(parse_request_target("/api/%74asks/%31").path == "/api/tasks/1");
  CHECK(parse_request_target("/api/tasks%2F1").path == "/api/tasks%2F1");
  CHECK(parse_request_target("/auth/%2e%2e/metrics").path == "/auth/../metrics");
}

TEST_CASE("absolute form gives its path, other forms give none") {
  CHECK(parse_request_target("http://x/healthz").path == "/healthz");
  CHECK(parse_request_target("HTTP://x:8080/api/tasks?limit=1").query.at(0).second == "1");
  CHECK(parse_request_target("http://x").path == "/");
  CHECK(parse_request_target("*").path.empty());
  CHECK(parse_request_target("example.com:443").path.empty());
}
