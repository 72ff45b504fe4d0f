// The bytes of a response: status line, headers in order, Content-Length,
// body; none for HEAD; no Content-Length for 204; no header can split it.
#include "wire_response.hpp"

#include <catch2/catch.hpp>

using shared::http::wire_response;

TEST_CASE("a response is its status line, headers in order, length and body") {
  CHECK(wire_response(201, {{"Location", "/api/tasks/1"}, {"X-Request-ID", "abc"}}, "{}", true) ==
        "HTTP/1.1 201 Created\r\nLocation: /api/tasks/1\r\nX-Request-ID: abc\r\n"
        "Content-Length: 2\r\n\r\n{}");
  CHECK(wire_response(422, {}, "", true) ==
        "HTTP/1.1 422 Unprocessable Entity\r\nContent-Length: 0\r\n\r\n");
}

TEST_CASE("HEAD gets the length of the body it does not get") {
  CHECK(wire_response(405, {{"Allow", "GET"}}, R"({"detail":"Method Not Allowed"})", false) ==
        "HTTP/1.1 405 Method Not Allowed\r\nAllow: GET\r\nContent-Length: 31\r\n\r\n");
}

TEST_CASE("204 and 304 carry neither a body nor a Content-Length") {
  CHECK(wire_response(204, {{"X-Request-ID", "a"}}, "", true) ==
        "HTTP/1.1 204 No Content\r\nX-Request-ID: a\r\n\r\n");
  CHECK(wire_response(304, {}, "ignored", true) == "HTTP/1.1 304 Not Modified\r\n\r\n");
}

TEST_CASE("CR and LF inside a header are dropped, so nothing can be injected") {
  CHECK(wire_response(200, {{"X-A\r\n", "v\r\nSet-Cookie: x=1"}}, "", true) ==
        "HTTP/1.1 200 OK\r\nX-A: vSet-Cookie: x=1\r\nContent-Length: 0\r\n\r\n");
}
