#pragma once
// Keeps the in-memory RevocationSet in step with auth-service's revocation
// feed: a snapshot first, then long polls after the cursor, events applied
// in order. On 410 (the cursor fell out of the feed's history) it takes a
// new snapshot; on any other failure it backs off (doubling, capped) and
// tries again, forever: auth-service may be down for a while.
//
// Not a use case in the execute(Command) shape: it is a loop with state that
// lives as long as the process (the cursor, the backoff, the last drop of
// expired entries). step() is one turn of the loop, so tests drive it with
// a fake feed and a ManualClock; the thread that runs it (and sleeps the
// pause it returns) is an adapter, adapters/workers.

#include <chrono>
#include <cstddef>
#include <functional>
#include <optional>
#include <string>

#include "shared/revocation/revocation_set.hpp"
#include "shared/time/clock.hpp"
#include "task/app/backoff.hpp"
#include "task/app/feed_status.hpp"
#include "task/domain/ports/revocation_feed.hpp"
#include "task/domain/ports/user_deletions.hpp"

namespace task::app {

struct FollowOptions {
  std::chrono::seconds wait{25};  // how long one long poll may be held
  std::chrono::milliseconds first_backoff{200};
  std::chrono::milliseconds max_backoff{5000};
  std::chrono::seconds drop_interval{60};  // how often expired entries are forgotten
};

// How long a long poll may wait when task-service fails closed after
// `fail_closed_after` (0: never): a quiet feed answers only when the wait
// passes, and each answer is what keeps the lag down, so the wait must be
// well within the limit. Half of it, between 1 s and 25 s.
std::chrono::seconds poll_wait_for(std::chrono::seconds fail_closed_after);

enum class FeedState { kStarting, kFollowing, kUnavailable, kRefused };

// What one step did, for the caller to act on and log.
struct FollowReport {
  std::chrono::milliseconds pause{0};  // before the next step
  // Set only when this step changed the state, so a caller that logs it
  // logs once per change, never once per retry.
  std::optional<FeedState> new_state;
  std::string reason;  // why, when the new state is a failure
  bool snapshot_loaded = false;
  bool cursor_expired = false;
  std::size_t events_applied = 0;
};

class FollowRevocations {
 public:
  // `on_deletion_recorded` is called (on the follower's thread) after a
  // page's user deletions were recorded, to wake whoever works them off.
  FollowRevocations(domain::RevocationFeed& feed, shared::revocation::RevocationSet& revoked,
                    domain::UserDeletions& deletions, FeedStatus& status,
                    const shared::time::Clock& clock, FollowOptions options,
                    std::function<void()> on_deletion_recorded);

  FollowReport step();

  [[nodiscard]] const std::optional<std::string>& cursor() const { return cursor_; }

 private:
  // Records the page's deletions and applies its events; an error leaves
  // the cursor where it was, so the page is asked for again (applying an
  // event twice changes nothing).
  shared::Result<std::size_t> take(const shared::revocation::FeedPage& page, bool snapshot);
  FollowReport failed(FeedState state, std::string reason);
  void drop_expired_now_and_then();

  domain::RevocationFeed& feed_;
  shared::revocation::RevocationSet& revoked_;
  domain::UserDeletions& deletions_;
  FeedStatus& status_;
  const shared::time::Clock& clock_;
  FollowOptions options_;
  std::function<void()> on_deletion_recorded_;
  Backoff backoff_;
  FeedState state_ = FeedState::kStarting;
  std::optional<std::string> cursor_;  // none: the next step takes a snapshot
  shared::time::Timestamp last_drop_;
};

}  // namespace task::app
