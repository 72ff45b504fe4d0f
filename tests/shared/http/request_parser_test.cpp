// The request parser on its own: framing, pipelining, every refusal with
// its status, and input split at every possible byte boundary.
#include "request_parser.hpp"

#include <catch2/catch.hpp>

using shared::http::ParsedRequest;
using shared::http::ParserLimits;
using shared::http::RequestParser;
using Result = RequestParser::Result;
using namespace std::string_view_literals;

namespace {

ParserLimits small_limits() {
  ParserLimits limits;
  limits.max_head_bytes = 1024;
  limits.max_body_bytes = 100;
  limits.max_header_count = 10;
  return limits;
}

// Every request in `input`, fed in one piece; fails the test on an error.
std::vector<ParsedRequest> parse_all(std::string_view input, ParserLimits limits = small_limits()) {
  RequestParser parser(limits);
  parser.feed(input);
  std::vector<ParsedRequest> requests;
  while (parser.advance() == Result::kRequest) requests.push_back(parser.take_request());
  CHECK(parser.advance() == Result::kNeedMore);
  return requests;
}

// The status the parser refuses `input` with (0 when it does not).
int refusal(std::string_view input, ParserLimits limits = small_limits()) {
  RequestParser parser(limits);
  parser.feed(input);
  for (;;) {
    switch (parser.advance()) {
      case Result::kError:
        return parser.error().status;
      case Result::kNeedMore:
        return 0;
      case Result::kRequest:
        parser.take_request();
    }
  }
}

}  // namespace

TEST_CASE("a simple request: method, target, lower-case headers, trimmed values") {
  const auto requests =
      parse_all("GET /api/tasks?limit=5 HTTP/1.1\r\nHost: x\r\nX-Request-ID:  abc \t\r\n\r\n");
  REQUIRE(requests.size() == 1);
  CHECK(requests[0].method == "GET");
  CHECK(requests[0].target == "/api/tasks?limit=5");
  CHECK(requests[0].header("x-request-id") == "abc");
  CHECK(requests[0].keep_alive);
  CHECK(requests[0].body.empty());
}

TEST_CASE("pipelined requests come out one by one, in order, bodies included") {
  const auto requests = parse_all(
      "POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc"
      "GET /b HTTP/1.1\r\nHost: x\r\n\r\n"
      "POST /c HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nhi\r\n0\r\n\r\n");
  REQUIRE(requests.size() == 3);
  CHECK(requests[0].body == "abc");
  CHECK(requests[1].target == "/b");
  CHECK(requests[2].body == "hi");
}

TEST_CASE("any split of the bytes gives the same requests") {
  const std::string input =
      "\r\nPOST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc"
      "PATCH /c HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
      "3;ext=\"a b\"\r\nxyz\r\n1\r\n!\r\n0\r\nTrailer: t\r\n\r\n";
  for (std::size_t step = 1; step <= input.size(); ++step) {
    RequestParser parser(small_limits());
    std::vector<ParsedRequest> requests;
    for (std::size_t at = 0; at < input.size(); at += step) {
      parser.feed(std::string_view(input).substr(at, step));
      Result result;
      while ((result = parser.advance()) == Result::kRequest)
        requests.push_back(parser.take_request());
      REQUIRE(result == Result::kNeedMore);
    }
    REQUIRE(requests.size() == 2);
    CHECK(requests[0].body == "abc");
    CHECK(requests[1].method == "PATCH");
    CHECK(requests[1].body == "xyz!");
  }
}

TEST_CASE("persistence follows the Connection list and the version") {
  auto keep = [](std::string_view head) {
    return parse_all(std::string(head) + "\r\n").at(0).keep_alive;
  };
  CHECK(keep("GET / HTTP/1.1\r\nHost: x\r\n"));
  CHECK_FALSE(keep("GET / HTTP/1.1\r\nHost: x\r\nConnection: TE, close\r\n"));
  CHECK_FALSE(keep("GET / HTTP/1.1\r\nHost: x\r\nConnection: keep-alive, Close\r\n"));
  CHECK_FALSE(keep("GET / HTTP/1.0\r\n"));
  CHECK(keep("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n"));
  CHECK(keep("GET / HTTP/1.2\r\nHost: x\r\n"));  // a newer 1.x is served as 1.1
}

TEST_CASE("Expect: 100-continue is reported once, after the head, before the body") {
  RequestParser parser(small_limits());
  parser.feed("POST /a HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n");
  CHECK(parser.advance() == Result::kNeedMore);
  CHECK(parser.wants_continue());
  parser.continue_sent();
  CHECK_FALSE(parser.wants_continue());
  parser.feed("ok");
  CHECK(parser.advance() == Result::kRequest);
  CHECK(parser.take_request().body == "ok");
}

TEST_CASE("malformed input is refused at once with a 4xx") {
  CHECK(refusal("GET /healthz HTTP/1.1\r\nHost: x\r\nBadHeader\r\n\r\n") == 400);
  CHECK(refusal("GET /healthz HTTP/1.1\nHost: x\n\n") == 400);              // bare LF
  CHECK(refusal("GET /healthz HTTP/1.1\r\nHost: x\rY: z\r\n\r\n") == 400);  // bare CR
  CHECK(refusal("GET /healthz\r\n") == 400);                                // no version
  CHECK(refusal("hello\r\n") == 400);
  CHECK(refusal("GET /a b HTTP/1.1\r\n") == 400);
  CHECK(refusal("G(T / HTTP/1.1\r\n") == 400);
  CHECK(refusal("GET / HTTP/2.0\r\n") == 400);
  CHECK(refusal("GET / HTTP/1.1\r\nHost: x\r\n folded\r\n\r\n") == 400);
  CHECK(refusal("GET / HTTP/1.1\r\nHost : x\r\n\r\n") == 400);
  CHECK(refusal("GET / HTTP/1.1\r\nHost: x\r\nA: b\0c\r\n\r\n"sv) == 400);  // NUL
  CHECK(refusal("GET / HTTP/1.1\r\n\r\n") == 400);                          // no Host
  CHECK(refusal("GET / HTTP/1.1\r\nHost: x\r\nHost: y\r\n\r\n") == 400);
  CHECK(refusal("GET / HTTP/1.1\r\nHost: x\r\nExpect: magic\r\n\r\n") == 417);
}

TEST_CASE("framing that two parsers could read differently is refused") {
  const std::string post = "POST / HTTP/1.1\r\nHost: x\r\n";
  CHECK(refusal(post + "Content-Length: 2\r\nContent-Length: 20\r\n\r\n") == 400);
  CHECK(refusal(post + "Content-Length: 2, 3\r\n\r\n") == 400);
  CHECK(refusal(post + "Content-Length: -1\r\n\r\n") == 400);
  CHECK(refusal(post + "Content-Length: abc\r\n\r\n") == 400);
  CHECK(refusal(post + "Content-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n") == 400);
  CHECK(refusal(post + "Transfer-Encoding: gzip\r\n\r\n") == 400);
  CHECK(refusal(post + "Transfer-Encoding: gzip, chunked\r\n\r\n") == 400);
  CHECK(refusal("POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n") == 400);
  CHECK(refusal(post + "Transfer-Encoding: chunked\r\n\r\n-1\r\n") == 400);
  CHECK(refusal(post + "Transfer-Encoding: chunked\r\n\r\nzz\r\n") == 400);
  CHECK(refusal(post + "Transfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n") == 400);
  // Repeats of one value are the same framing, and accepted.
  CHECK(parse_all(post + "Content-Length: 2\r\nContent-Length: 2\r\n\r\nok").at(0).body == "ok");
  CHECK(parse_all(post + "Content-Length: 2 \r\n\r\nok").at(0).body == "ok");
}

TEST_CASE("limits: 431 for a large head, 413 for a large body before it is read") {
  CHECK(refusal("GET / HTTP/1.1\r\nHost: x\r\nX-Pad: " + std::string(2000, 'a')) == 431);
  std::string many = "GET / HTTP/1.1\r\nHost: x\r\n";
  for (int i = 0; i < 11; ++i) many += "X-" + std::to_string(i) + ": v\r\n";
  CHECK(refusal(many + "\r\n") == 431);
  CHECK(refusal("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 101\r\n\r\n") == 413);
  CHECK(refusal("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 999999999999999999\r\n\r\n") == 413);
  CHECK(refusal("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                "40\r\n" +
                std::string(64, 'a') + "\r\n40\r\n") == 413);
  CHECK(refusal("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                "ffffffffffffffffffff\r\n") == 413);
}

TEST_CASE("the partial request is kept for the error answer's request id") {
  RequestParser parser(small_limits());
  parser.feed("POST / HTTP/1.1\r\nHost: x\r\nX-Request-ID: mine\r\nContent-Length: 999\r\n\r\n");
  REQUIRE(parser.advance() == Result::kError);
  CHECK(parser.partial().header("x-request-id") == "mine");
}
