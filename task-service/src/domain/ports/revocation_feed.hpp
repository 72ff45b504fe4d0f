#pragma once
// auth-service's revocation feed (GET /internal/revocations): a snapshot of
// every revocation in force, then the events after a cursor, long-polled.
// task-service follows it so that token checks stay local (no call to
// auth-service on a request's path) and still honour logouts within 2 s.

#include <chrono>
#include <string>

#include "shared/revocation/feed_page.hpp"

namespace task::domain {

// One answer of the feed. Only kPage carries a page.
struct FeedAnswer {
  enum class Kind {
    kPage,           // 200: a page (a snapshot, or the events after a cursor)
    kCursorExpired,  // 410: the cursor is older than the feed's history; take a snapshot
    kRefused,        // 401: the service token was refused (a configuration error)
    kUnavailable,    // anything else: network failure, 5xx, an unreadable body
  };
  Kind kind = Kind::kUnavailable;
  shared::revocation::FeedPage page;
  std::string reason;  // what went wrong, for the log; never holds a secret

  static FeedAnswer of(shared::revocation::FeedPage page) {
    return {Kind::kPage, std::move(page), {}};
  }
  static FeedAnswer failed(Kind kind, std::string reason) { return {kind, {}, std::move(reason)}; }
};

class RevocationFeed {
 public:
  virtual ~RevocationFeed() = default;

  // Everything in force now, and the cursor to follow from.
  virtual FeedAnswer snapshot() = 0;
  // The events after `cursor`, oldest first, as soon as there is one, or an
  // empty page once `wait` has passed.
  virtual FeedAnswer after(const std::string& cursor, std::chrono::seconds wait) = 0;
  // From any thread: the call in progress and every later one return
  // kUnavailable promptly. For shutdown, so a long poll does not hold it up.
  virtual void interrupt() = 0;
};

}  // namespace task::domain
