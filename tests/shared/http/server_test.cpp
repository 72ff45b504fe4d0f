// The HTTP layer end to end over real sockets: the contract's conventions
// and the Pistache 0.0.5 workarounds.
#include <catch2/catch.hpp>

#include "support/http_client.hpp"
#include "test_server.hpp"

using test::http_request;
using test::HttpConnection;

TEST_CASE("listens on the configured address only (IPv6 too)", "[http]") {
  shared::http::ServerOptions options;
  options.address = "::1";
  test::RunningServer running(options);
  HttpConnection over_ipv6(running.port, "::1");
  CHECK(over_ipv6.request("GET", "/healthz").status == 200);
  // Bound to ::1, not to every address: IPv4 loopback finds nobody there.
  CHECK_THROWS_WITH(HttpConnection(running.port, "127.0.0.1"), Catch::Contains("failed"));
}

TEST_CASE("answers JSON with the contract's content type and a request id", "[http]") {
  test::RunningServer running;
  const auto response = http_request(running.port, "GET", "/hello");
  CHECK(response.status == 200);
  CHECK(response.header("content-type") == "application/json; charset=utf-8");
  CHECK(response.json()["hello"] == "world");
  const auto id = response.header("x-request-id");
  REQUIRE(id.has_value());
  CHECK(id->size() == 32);
}

TEST_CASE("echoes a sane X-Request-ID and replaces an insane one", "[http]") {
  test::RunningServer running;
  CHECK(http_request(running.port, "GET", "/hello", {}, {{"X-Request-ID", "trace-42.a_b"}})
            .header("x-request-id") == "trace-42.a_b");
  const auto replaced =
      http_request(running.port, "GET", "/hello", {}, {{"X-Request-ID", "bad id!"}});
  CHECK(replaced.header("x-request-id") != "bad id!");
  CHECK(replaced.header("x-request-id")->size() == 32);
}

TEST_CASE("HTTP/1.1 without a Connection header keeps the connection open", "[http]") {
  test::RunningServer running;
  HttpConnection connection(running.port);
  const auto first = connection.request("GET", "/hello");
  CHECK(first.status == 200);
  CHECK(first.header("connection") == "keep-alive");
  CHECK_FALSE(connection.closed_by_peer(std::chrono::milliseconds(200)));
  CHECK(connection.request("GET", "/hello").status == 200);
  CHECK(connection.request("GET", "/items/9").status == 200);
}

TEST_CASE("Connection: close is honoured and the socket really closes", "[http]") {
  test::RunningServer running;
  HttpConnection connection(running.port);
  const auto response = connection.request("GET", "/hello", {}, {{"Connection", "close"}});
  CHECK(response.header("connection") == "close");
  CHECK(connection.closed_by_peer(std::chrono::seconds(2)));
}

TEST_CASE("HTTP/1.0 closes unless keep-alive is asked for", "[http]") {
  test::RunningServer running;
  HttpConnection plain(running.port);
  plain.send_raw("GET /hello HTTP/1.0\r\n\r\n");
  CHECK(plain.read_response().status == 200);
  CHECK(plain.closed_by_peer(std::chrono::seconds(2)));

  HttpConnection kept(running.port);
  kept.send_raw("GET /hello HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
  CHECK(kept.read_response().header("connection") == "keep-alive");
  CHECK_FALSE(kept.closed_by_peer(std::chrono::milliseconds(200)));
}

TEST_CASE("unknown routes get 404 and wrong methods 405 with Allow", "[http]") {
  test::RunningServer running;
  const auto missing = http_request(running.port, "GET", "/nope");
  CHECK(missing.status == 404);
  CHECK(missing.json()["detail"] == "Not Found");
  const auto wrong = http_request(running.port, "DELETE", "/hello");
  CHECK(wrong.status == 405);
  CHECK(wrong.header("allow") == "GET");
  CHECK(wrong.json()["detail"] == "Method Not Allowed");
}

TEST_CASE("path parameters and decoded query values reach the handler", "[http]") {
  test::RunningServer running;
  const auto body = http_request(running.port, "GET", "/items/a%20b?q=x%2By+z").json();
  CHECK(body["id"] == "a b");
  CHECK(body["q"] == "x+y z");
}

TEST_CASE("a repeated query parameter: the handler sees the last value, as in FastAPI", "[http]") {
  test::RunningServer running;
  const auto body = http_request(running.port, "GET", "/items/a?q=first&q=last").json();
  INFO(body.dump());
  CHECK(body["q"] == "last");
}

TEST_CASE("bodies: 415, 400 and 413 are JSON errors", "[http]") {
  test::RunningServer running;
  CHECK(http_request(running.port, "POST", "/echo", R"({"a":1})",
                     {{"Content-Type", "application/json"}})
            .json()["a"] == 1);
  CHECK(http_request(running.port, "POST", "/echo", "a=1",
                     {{"Content-Type", "application/x-www-form-urlencoded"}})
            .status == 415);
  const auto bad =
      http_request(running.port, "POST", "/echo", "{nope", {{"Content-Type", "application/json"}});
  CHECK(bad.status == 400);
  CHECK(bad.json().contains("detail"));
  const auto big =
      http_request(running.port, "POST", "/echo", R"({"a":")" + std::string(70000, 'x') + R"("})",
                   {{"Content-Type", "application/json"}});
  CHECK(big.status == 413);
  CHECK(big.json()["detail"] == "Request body too large");
}

TEST_CASE("a grossly oversize request is refused with 413 and the server keeps serving", "[http]") {
  test::RunningServer running;
  HttpConnection connection(running.port);
  const std::string body(400000, 'x');
  connection.send_raw(
      "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\nContent-Length: " +
      std::to_string(body.size()) + "\r\n\r\n");
  try {
    connection.send_raw(body);  // the server may close early; that is fine
  } catch (const std::exception&) {
  }
  CHECK(connection.read_response().status == 413);
  CHECK(http_request(running.port, "GET", "/hello").status == 200);
}

TEST_CASE("malformed framing gets 4xx and the server keeps serving", "[http]") {
  shared::http::ServerOptions options;
  options.request_timeout = std::chrono::seconds(1);
  test::RunningServer running(options);
  const std::vector<std::string> attacks = {
      "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: -5\r\n\r\nabc",
      "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: abc\r\n\r\nabc",
      "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 99999999999999999999999\r\n\r\n",
      "FOO /hello HTTP/1.1\r\nHost: t\r\n\r\n",
      "GET /hello HTTP/9.9\r\n\r\n",
      "GARBAGE\r\n\r\n",
  };
  for (const auto& attack : attacks) {
    INFO(attack);
    HttpConnection connection(running.port);
    connection.send_raw(attack);
    const auto response = connection.read_response(std::chrono::seconds(5));
    CHECK(response.status >= 400);
    CHECK(response.status < 500);
    CHECK(response.body.find("basic_string") == std::string::npos);
    CHECK(http_request(running.port, "GET", "/hello").status == 200);
  }
}

TEST_CASE("the exception barrier answers 500 without internals", "[http]") {
  test::RunningServer running;
  const auto response = http_request(running.port, "GET", "/throws");
  CHECK(response.status == 500);
  CHECK(response.json()["detail"] == "Internal server error");
  CHECK(response.body.find("hunter2") == std::string::npos);
  CHECK(http_request(running.port, "GET", "/forgets").status == 500);
  CHECK(http_request(running.port, "GET", "/hello").status == 200);
}

TEST_CASE("async handlers answer from another thread, connection kept", "[http]") {
  test::RunningServer running;
  HttpConnection connection(running.port);
  CHECK(connection.request("GET", "/slow").json()["slow"] == true);
  CHECK(connection.request("GET", "/hello").status == 200);
}

TEST_CASE("a large response arrives whole", "[http]") {
  test::RunningServer running;
  for (int i = 0; i < 5; ++i) {
    HttpConnection connection(running.port);
    const auto response = connection.request("GET", "/large");
    REQUIRE(response.status == 200);
    CHECK(response.json().size() == 2000);
  }
}

TEST_CASE("operational endpoints: healthz, readyz and metrics", "[http]") {
  std::atomic<bool> database_up{true};
  test::RunningServer running({}, [&] { return database_up.load(); });
  CHECK(http_request(running.port, "GET", "/healthz").json() == nlohmann::json{{"status", "ok"}});
  CHECK(http_request(running.port, "GET", "/readyz").json()["status"] == "ready");
  database_up = false;
  const auto unready = http_request(running.port, "GET", "/readyz");
  CHECK(unready.status == 503);
  CHECK(unready.json()["status"] == "unavailable");
  CHECK(http_request(running.port, "GET", "/healthz").status == 200);

  http_request(running.port, "GET", "/items/1");
  http_request(running.port, "GET", "/items/2");
  const auto metrics = http_request(running.port, "GET", "/metrics");
  CHECK(metrics.header("content-type") == "text/plain; version=0.0.4; charset=utf-8");
  CHECK_THAT(
      metrics.body,
      Catch::Contains(
          R"(http_requests_total{service="test",method="GET",route="/items/{id}",status="200"} 2)"));
  CHECK_THAT(metrics.body, Catch::Contains("http_request_duration_seconds_bucket"));
}

TEST_CASE("X-Forwarded-For is believed only from a trusted proxy", "[http]") {
  shared::http::ServerOptions options;
  options.trusted_proxies = shared::config::CidrSet::parse({"127.0.0.1/32"}).value();
  test::RunningServer trusting(options);
  CHECK(http_request(trusting.port, "GET", "/hello", {}, {{"X-Forwarded-For", "198.51.100.7"}})
            .json()["client"] == "198.51.100.7");
  options.trusted_proxies = shared::config::CidrSet::parse({"10.0.0.0/8"}).value();
  test::RunningServer distrusting(options);
  CHECK(http_request(distrusting.port, "GET", "/hello", {}, {{"X-Forwarded-For", "198.51.100.7"}})
            .json()["client"] == "127.0.0.1");
}

TEST_CASE("drain: in-flight requests finish, readiness turns false", "[http]") {
  test::RunningServer running;
  std::thread slow_client([&] {
    const auto response = http_request(running.port, "GET", "/slow");
    CHECK(response.status == 200);
    CHECK(response.header("connection") == "close");
  });
  while (running.server.in_flight() == 0) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  running.server.drain_and_stop();
  slow_client.join();
  CHECK(running.server.draining());
  CHECK(running.server.in_flight() == 0);
}
