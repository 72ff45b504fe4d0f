// The connection's life over real sockets: pipelined answers in request
// order (a late async answer included), 100 Continue, and the timeouts that
// protect a service without a proxy in front, which never cut off a handler.
#include <catch2/catch.hpp>

#include "support/http_client.hpp"
#include "test_server.hpp"

using test::HttpConnection;

namespace {

constexpr std::string_view kGetSlow =
    "GET /slow HTTP/1.1\r\nHost: t\r\nX-Request-ID: first\r\n\r\n";
constexpr std::string_view kGetHello =
    "GET /hello HTTP/1.1\r\nHost: t\r\nX-Request-ID: second\r\n\r\n";

test::RunningServer server_with_request_timeout(std::chrono::milliseconds timeout) {
  shared::http::ServerOptions options;
  options.request_timeout = timeout;
  return test::RunningServer(options);
}

}  // namespace

TEST_CASE("pipelined requests are answered in request order, a late async answer first", "[http]") {
  test::RunningServer running;
  HttpConnection connection(running.port);
  connection.send_raw(std::string(kGetSlow) + std::string(kGetHello));  // one write
  const auto first = connection.read_response();
  const auto second = connection.read_response();
  CHECK(first.header("x-request-id") == "first");
  CHECK(first.json()["slow"] == true);
  CHECK(second.header("x-request-id") == "second");
  CHECK(second.status == 200);
  CHECK(connection.request("GET", "/hello").status == 200);  // still open
}

TEST_CASE("Expect: 100-continue gets 100 Continue before the body is sent", "[http]") {
  test::RunningServer running;
  HttpConnection connection(running.port);
  connection.send_raw(
      "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n"
      "Expect: 100-continue\r\nContent-Length: 7\r\n\r\n");
  CHECK(connection.read_response(std::chrono::seconds(5)).status == 100);
  connection.send_raw(R"({"a":1})");
  const auto answer = connection.read_response();
  CHECK(answer.status == 200);
  CHECK(answer.json()["a"] == 1);
}

TEST_CASE("a request whose head stops arriving gets 408 JSON, then the connection closes",
          "[http]") {
  auto running = server_with_request_timeout(std::chrono::milliseconds(500));
  HttpConnection connection(running.port);
  connection.send_raw("GET /hello HTTP/1.1\r\nHost: t\r\nX-Request-ID: stalled\r\n");
  const auto answer = connection.read_response(std::chrono::seconds(5));
  CHECK(answer.status == 408);
  CHECK(answer.header("x-request-id") == "stalled");
  CHECK(answer.json().contains("detail"));
  CHECK(connection.closed_by_peer(std::chrono::seconds(5)));
}

TEST_CASE("a body that stops arriving gets 408, then the connection closes", "[http]") {
  auto running = server_with_request_timeout(std::chrono::milliseconds(500));
  HttpConnection connection(running.port);
  connection.send_raw("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 10\r\n\r\n{\"a\"");
  CHECK(connection.read_response(std::chrono::seconds(5)).status == 408);
  CHECK(connection.closed_by_peer(std::chrono::seconds(5)));
}

TEST_CASE("a connection that never sends a byte is closed after the request timeout", "[http]") {
  auto running = server_with_request_timeout(std::chrono::milliseconds(500));
  HttpConnection connection(running.port);
  CHECK(connection.closed_by_peer(std::chrono::seconds(5)));
}

TEST_CASE("the request timeout never cuts off a handler that takes longer", "[http]") {
  // /slow answers after 300 ms, well past a 100 ms request timeout.
  auto running = server_with_request_timeout(std::chrono::milliseconds(100));
  HttpConnection connection(running.port);
  connection.send_raw(kGetSlow);
  const auto answer = connection.read_response(std::chrono::seconds(5));
  CHECK(answer.status == 200);
  CHECK(answer.json()["slow"] == true);
}

TEST_CASE("after a refused request the connection closes and later bytes are not requests",
          "[http]") {
  test::RunningServer running;
  HttpConnection connection(running.port);
  connection.send_raw(
      "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\nab" +
      std::string(kGetHello));
  const auto answer = connection.read_response(std::chrono::seconds(5));
  CHECK(answer.status == 400);
  CHECK(answer.header("connection") == "close");
  CHECK(connection.closed_by_peer(std::chrono::seconds(5)));  // and no second answer
}
