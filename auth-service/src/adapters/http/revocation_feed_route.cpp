#include "auth/adapters/http/revocation_feed_route.hpp"

#include <charconv>

#include "shared/http/bearer.hpp"
#include "shared/http/error_response.hpp"
#include "shared/log/logging.hpp"
#include "shared/revocation/feed_page.hpp"
#include "shared/violations.hpp"

namespace auth::adapters::http {
namespace {

using shared::http::Request;
using shared::http::Responder;
using shared::http::Response;

constexpr const char* kCursorGone =
    "Cursor is outside the retained history; take a new snapshot (no `after`)";

std::optional<std::int64_t> parse_non_negative(std::string_view text) {
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < 0) return std::nullopt;
  return value;
}

struct FeedQuery {
  std::optional<std::int64_t> after;
  std::int64_t wait = 0;
};

shared::Result<FeedQuery> feed_query(const Request& request) {
  FeedQuery query;
  std::vector<shared::FieldViolation> violations;
  if (const auto after = request.query_param("after")) {
    query.after = parse_non_negative(*after);
    if (!query.after) violations.push_back(shared::violation::int_parsing({"query", "after"}));
  }
  if (const auto wait = request.query_param("wait")) {
    const auto seconds = parse_non_negative(*wait);
    if (!seconds) {
      violations.push_back(shared::violation::int_parsing({"query", "wait"}));
    } else if (*seconds > kMaxFeedWaitSeconds) {
      violations.push_back(
          shared::violation::less_than_equal({"query", "wait"}, kMaxFeedWaitSeconds));
    } else {
      query.wait = *seconds;
    }
  }
  if (!violations.empty()) return shared::Error::invalid_argument(std::move(violations));
  return query;
}

Response page_response(const shared::Result<std::optional<shared::revocation::FeedPage>>& page) {
  if (!page) return shared::http::error_response(page.error());
  if (!*page) return Response::detail(410, kCursorGone);
  Response response;
  response.body = shared::revocation::feed_page_json(**page);
  response.with_header("Cache-Control", "no-store");
  return response;
}

void serve_feed(const app::ReadRevocationFeed& feed, const shared::jwt::ServiceTokens& tokens,
                FeedWaiters& waiters, const Request& request, Responder responder) {
  const auto token = shared::http::bearer_token(request);
  if (!token) return responder.send(shared::http::error_response(token.error()));
  const auto caller = tokens.verify(*token);
  if (!caller) return responder.send(shared::http::error_response(caller.error()));
  const auto query = feed_query(request);
  if (!query) return responder.send(shared::http::error_response(query.error()));
  // Draining: a follower answered at once would ask again at once, in a
  // tight loop, until this process is gone; a 503 makes it back off.
  if (waiters.closed()) {
    return responder.send(shared::http::error_response(
        shared::Error::unavailable("shutting down", std::chrono::seconds(1))));
  }

  auto page = feed.execute({query->after});
  const bool nothing_yet = page && *page && (*page)->events.empty();
  if (query->after && query->wait > 0 && nothing_yet) {
    return waiters.park(*query->after, std::chrono::seconds(query->wait), std::move(responder));
  }
  responder.send(page_response(page));
}

}  // namespace

FeedWaiters::FeedWaiters(const app::ReadRevocationFeed& feed, const shared::time::Clock& clock)
    : feed_(feed), clock_(clock) {}

FeedWaiters::~FeedWaiters() {
  release_all();
}

void FeedWaiters::park(std::int64_t after, std::chrono::seconds wait, Responder responder) {
  Waiter waiter{after, clock_.now() + wait, std::move(responder)};
  {
    std::lock_guard lock(mutex_);
    if (!closed_) return waiters_.push_back(std::move(waiter));
  }
  answer(waiter);
}

void FeedWaiters::wake(std::int64_t newest) {
  std::list<Waiter> due;
  {
    std::lock_guard lock(mutex_);
    const auto now = clock_.now();
    for (auto it = waiters_.begin(); it != waiters_.end();) {
      const auto next = std::next(it);
      if (it->after < newest || it->deadline <= now) due.splice(due.end(), waiters_, it);
      it = next;
    }
  }
  for (auto& waiter : due) answer(waiter);  // outside the lock: each reads the database
}

void FeedWaiters::release_all() {
  std::list<Waiter> all;
  {
    std::lock_guard lock(mutex_);
    all.swap(waiters_);
  }
  for (auto& waiter : all) answer(waiter);
}

void FeedWaiters::close() {
  {
    std::lock_guard lock(mutex_);
    closed_ = true;
  }
  release_all();
}

bool FeedWaiters::closed() const {
  std::lock_guard lock(mutex_);
  return closed_;
}

std::size_t FeedWaiters::size() const {
  std::lock_guard lock(mutex_);
  return waiters_.size();
}

void FeedWaiters::answer(Waiter& waiter) const {
  shared::log::ScopedRequestId request_id(waiter.responder.request_id());
  waiter.responder.send(page_response(feed_.execute({waiter.after})));
}

void add_revocation_feed_route(shared::http::Router& router, const app::ReadRevocationFeed& feed,
                               const shared::jwt::ServiceTokens& service_tokens,
                               FeedWaiters& waiters) {
  router.add_async("GET", "/internal/revocations",
                   [&feed, &service_tokens, &waiters](const Request& request, Responder responder) {
                     serve_feed(feed, service_tokens, waiters, request, std::move(responder));
                   });
}

}  // namespace auth::adapters::http
