// The libcurl feed client against the in-process fake feed: pages and
// cursors, a held poll answered as soon as an event arrives, 410, 401 for
// another service secret, a feed that is down or not there, and interrupt()
// ending a long poll at once.
#include "task/adapters/feed/curl_revocation_feed.hpp"

#include <future>
#include <thread>

#include <catch2/catch.hpp>

#include "support/fake_feed_server.hpp"
#include "support/service_process.hpp"

using namespace std::chrono_literals;
using shared::revocation::TokenRevoked;
using task::adapters::feed::CurlRevocationFeed;
using Kind = task::domain::FeedAnswer::Kind;

namespace {

constexpr std::string_view kServiceSecret = "feed-client-test-service-secret-0123456789";

std::chrono::milliseconds elapsed_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() -
                                                               start);
}

}  // namespace

TEST_CASE("curl feed: a snapshot, then the events after its cursor", "[integration][feed]") {
  task_test::FakeFeedServer server(kServiceSecret, {TokenRevoked{"j1", "u1", 2'000'000'000}});
  CurlRevocationFeed feed(server.url(), kServiceSecret);

  auto snapshot = feed.snapshot();
  REQUIRE(snapshot.kind == Kind::kPage);
  CHECK(snapshot.page.events.size() == 1);
  server.push(TokenRevoked{"j2", "u1", 2'000'000'000});
  auto next = feed.after(snapshot.page.cursor, 5s);
  REQUIRE(next.kind == Kind::kPage);
  REQUIRE(next.page.events.size() == 1);
  CHECK(std::get<TokenRevoked>(next.page.events[0]).jti == "j2");
}

TEST_CASE(
    "curl feed: a held poll returns as soon as an event is pushed, empty when the wait "
    "passes",
    "[integration][feed]") {
  task_test::FakeFeedServer server(kServiceSecret);
  CurlRevocationFeed feed(server.url(), kServiceSecret);
  const auto cursor = feed.snapshot().page.cursor;

  auto start = std::chrono::steady_clock::now();
  auto empty = feed.after(cursor, 1s);
  REQUIRE(empty.kind == Kind::kPage);
  CHECK(empty.page.events.empty());
  CHECK(empty.page.cursor == cursor);
  CHECK(elapsed_since(start) >= 900ms);

  start = std::chrono::steady_clock::now();
  auto polled = std::async(std::launch::async, [&] { return feed.after(cursor, 20s); });
  std::this_thread::sleep_for(200ms);  // let the poll be held
  server.push(TokenRevoked{"j3", "u1", 2'000'000'000});
  auto answer = polled.get();
  REQUIRE(answer.kind == Kind::kPage);
  CHECK(answer.page.events.size() == 1);
  CHECK(elapsed_since(start) < 2s);
}

TEST_CASE("curl feed: 410, 401 and a feed that is down or absent", "[integration][feed]") {
  task_test::FakeFeedServer server(kServiceSecret);
  CurlRevocationFeed feed(server.url(), kServiceSecret);
  const auto cursor = feed.snapshot().page.cursor;

  server.forget_history();
  CHECK(feed.after(cursor, 1s).kind == Kind::kCursorExpired);
  CHECK(feed.after("not-a-cursor", 1s).kind == Kind::kCursorExpired);

  CurlRevocationFeed stranger(server.url(), "another-service-secret-0123456789abcdef");
  const auto refused = stranger.snapshot();
  CHECK(refused.kind == Kind::kRefused);
  CHECK(refused.reason.find("another") == std::string::npos);

  server.set_down(true);
  const auto down = feed.snapshot();
  CHECK(down.kind == Kind::kUnavailable);
  CHECK(down.reason == "HTTP 503");

  CurlRevocationFeed nowhere("http://127.0.0.1:" + std::to_string(test::free_port()),
                             kServiceSecret);
  CHECK(nowhere.snapshot().kind == Kind::kUnavailable);
}

TEST_CASE("curl feed: interrupt() ends a long poll at once, and every later call",
          "[integration][feed]") {
  task_test::FakeFeedServer server(kServiceSecret);
  CurlRevocationFeed feed(server.url(), kServiceSecret);
  const auto cursor = feed.snapshot().page.cursor;

  const auto start = std::chrono::steady_clock::now();
  auto polled = std::async(std::launch::async, [&] { return feed.after(cursor, 25s); });
  std::this_thread::sleep_for(300ms);
  feed.interrupt();
  const auto answer = polled.get();
  CHECK(answer.kind == Kind::kUnavailable);
  CHECK(elapsed_since(start) < 1s);
  CHECK(feed.snapshot().kind == Kind::kUnavailable);
}
