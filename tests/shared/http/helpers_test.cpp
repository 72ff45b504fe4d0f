// Unit tests of the HTTP layer's small pure pieces.
#include <chrono>
#include <thread>

#include <catch2/catch.hpp>

#include "shared/http/bearer.hpp"
#include "shared/http/error_response.hpp"
#include "shared/http/json_body.hpp"
#include "shared/log/captured_log.hpp"

#include "client_address.hpp"
#include "request_id.hpp"

using namespace shared::http;

TEST_CASE("request ids: sane ones are kept, others replaced", "[unit][http]") {
  CHECK(request_id_for("abc-123_X.y") == "abc-123_X.y");
  const std::string generated = request_id_for("");
  CHECK(generated.size() == 32);
  CHECK(generated.find_first_not_of("0123456789abcdef") == std::string::npos);
  CHECK(request_id_for("") != generated);
  CHECK(request_id_for("has space").size() == 32);
  CHECK(request_id_for("<script>").size() == 32);
  CHECK(request_id_for(std::string(128, 'a')) == std::string(128, 'a'));
  CHECK(request_id_for(std::string(129, 'a')).size() == 32);
}

TEST_CASE("client address believes X-Forwarded-For only from trusted proxies", "[unit][http]") {
  const auto trusted = shared::config::CidrSet::parse({"127.0.0.1/32", "10.0.0.0/8"}).value();
  CHECK(client_address("203.0.113.9", "1.2.3.4", trusted) == "203.0.113.9");
  CHECK(client_address("127.0.0.1", std::nullopt, trusted) == "127.0.0.1");
  CHECK(client_address("127.0.0.1", "198.51.100.7", trusted) == "198.51.100.7");
  // A client may prepend anything; the right-most untrusted hop is the truth.
  CHECK(client_address("127.0.0.1", "6.6.6.6, 198.51.100.7, 10.1.1.1", trusted) == "198.51.100.7");
  CHECK(client_address("127.0.0.1", "10.0.0.1, 10.0.0.2", trusted) == "127.0.0.1");
}

TEST_CASE("bearer tokens are taken from the Authorization header", "[unit][http]") {
  Request request;
  CHECK(bearer_token(request).error().code == shared::ErrorCode::kUnauthenticated);
  request.headers = {{"authorization", "Bearer abc.def.ghi"}};
  CHECK(bearer_token(request).value() == "abc.def.ghi");
  request.headers = {{"authorization", "bearer   abc  "}};
  CHECK(bearer_token(request).value() == "abc");
  request.headers = {{"authorization", "Basic dXNlcjpwYXNz"}};
  CHECK_FALSE(bearer_token(request).ok());
  request.headers = {{"authorization", "Bearer "}};
  CHECK_FALSE(bearer_token(request).ok());
}

TEST_CASE("JSON bodies: 415 for other media types, 400 for non-objects", "[unit][http]") {
  Request request;
  request.body = R"({"a": 1})";
  request.headers = {{"content-type", "application/json; charset=utf-8"}};
  REQUIRE(json_object_body(request).ok());

  request.headers = {};  // no Content-Type: parsed as JSON, as FastAPI does
  REQUIRE(json_object_body(request).ok());

  request.headers = {{"content-type", "text/plain"}};
  CHECK(error_response(json_object_body(request).error()).status == 415);

  request.headers = {{"content-type", "application/json"}};
  for (const char* body : {"{", "[1,2]", "\"text\"", "42", "", "{\"a\":1} trailing"}) {
    INFO(body);
    request.body = body;
    CHECK(error_response(json_object_body(request).error()).status == 400);
  }
}

TEST_CASE("error codes map to the contract's statuses and headers", "[unit][http]") {
  using shared::Error;
  CHECK(error_response(Error::not_found("Task not found")).status == 404);
  CHECK(error_response(Error::already_exists("x")).status == 409);
  CHECK(error_response(Error::permission_denied("x")).status == 403);

  const auto unauthenticated = error_response(Error::unauthenticated("nope"));
  CHECK(unauthenticated.status == 401);
  CHECK(unauthenticated.headers.at(0) ==
        std::pair<std::string, std::string>{"WWW-Authenticate", "Bearer"});

  const auto rejected = error_response(Error::invalid_token("Token has expired"));
  CHECK(rejected.status == 401);
  CHECK(rejected.headers.at(0) ==
        std::pair<std::string, std::string>{"WWW-Authenticate", R"(Bearer error="invalid_token")"});

  CHECK(error_response(Error::malformed_input("Request body is not valid JSON")).status == 400);
  CHECK(error_response(Error::unsupported_media_type("Content-Type must be ...")).status == 415);

  const auto busy = error_response(Error::unavailable("queue full", std::chrono::seconds(1)));
  CHECK(busy.status == 503);
  CHECK(busy.headers.at(0) == std::pair<std::string, std::string>{"Retry-After", "1"});
  CHECK(error_response(Error::unavailable("database down")).headers.empty());

  const auto limited = error_response(Error::rate_limited("slow down", std::chrono::seconds(42)));
  CHECK(limited.status == 429);
  CHECK(limited.headers.at(0).second == "42");

  const auto invalid = error_response(Error::invalid_field({"body", "email"}, "bad email"));
  CHECK(invalid.status == 422);
  const auto body = nlohmann::json::parse(invalid.body);
  CHECK(body["detail"][0]["loc"] == nlohmann::json::array({"body", "email"}));
  CHECK(body["detail"][0]["msg"] == "bad email");
  CHECK(body["detail"][0]["type"] == "value_error");

  const auto internal = error_response(Error::internal("SELECT secret FROM users"));
  CHECK(internal.status == 500);
  CHECK(internal.body.find("SELECT") == std::string::npos);
  const auto unavailable = error_response(Error::unavailable("connection refused on 5432"));
  CHECK(unavailable.status == 503);
  CHECK(nlohmann::json::parse(unavailable.body)["detail"] == "Service temporarily unavailable");
}

TEST_CASE("503s of a dependency that is down are logged once a second, not once each",
          "[unit][http]") {
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));  // past any earlier 503's line
  test::CapturedLog captured(shared::log::Format::kText);
  for (int i = 0; i < 50; ++i) {
    CHECK(error_response(shared::Error::unavailable("feed unreachable")).status == 503);
  }
  const auto lines = captured.lines();
  REQUIRE(lines.size() == 1);
  CHECK_THAT(lines[0], Catch::Contains("dependency unavailable") &&
                           Catch::Contains("reason=\"feed unreachable\"") &&
                           Catch::Contains("answers_503=1"));
}
