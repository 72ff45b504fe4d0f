#pragma once
// GET /internal/revocations: the revocation feed for other services
// (docs/api.md, "Sessions"). Callers prove themselves with a service token;
// user tokens are refused. A long poll (`wait`) parks its responder here
// instead of holding an HTTP thread; the background tick that catches up
// with the event log wakes it when events exist, or answers it empty when
// its wait is over.

#include <chrono>
#include <cstdint>
#include <list>
#include <mutex>

#include "auth/app/read_revocation_feed.hpp"
#include "shared/http/responder.hpp"
#include "shared/http/router.hpp"
#include "shared/jwt/service_token.hpp"
#include "shared/time/clock.hpp"

namespace auth::adapters::http {

inline constexpr std::int64_t kMaxFeedWaitSeconds = 30;

class FeedWaiters {
 public:
  FeedWaiters(const app::ReadRevocationFeed& feed, const shared::time::Clock& clock);
  ~FeedWaiters();

  void park(std::int64_t after, std::chrono::seconds wait, shared::http::Responder responder);
  // Answers every waiter behind `newest` and every waiter whose wait is over.
  void wake(std::int64_t newest);
  // Answers everyone now.
  void release_all();
  // Shutting down: answers everyone now, so that no request holds the
  // server's drain for up to 30 s; the route refuses later polls (503).
  void close();
  [[nodiscard]] std::size_t size() const;
  [[nodiscard]] bool closed() const;

 private:
  struct Waiter {
    std::int64_t after;
    shared::time::Timestamp deadline;
    shared::http::Responder responder;
  };
  void answer(Waiter& waiter) const;

  const app::ReadRevocationFeed& feed_;
  const shared::time::Clock& clock_;
  mutable std::mutex mutex_;
  std::list<Waiter> waiters_;
  bool closed_ = false;
};

void add_revocation_feed_route(shared::http::Router& router, const app::ReadRevocationFeed& feed,
                               const shared::jwt::ServiceTokens& service_tokens,
                               FeedWaiters& waiters);

}  // namespace auth::adapters::http
