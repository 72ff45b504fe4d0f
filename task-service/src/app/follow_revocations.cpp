#include "task/app/follow_revocations.hpp"

#include <algorithm>
#include <variant>

namespace task::app {

using domain::FeedAnswer;

std::chrono::seconds poll_wait_for(std::chrono::seconds fail_closed_after) {
  constexpr std::chrono::seconds kLongest{25};
  if (fail_closed_after.count() <= 0) return kLongest;
  return std::clamp(fail_closed_after / 2, std::chrono::seconds(1), kLongest);
}

FollowRevocations::FollowRevocations(domain::RevocationFeed& feed,
                                     shared::revocation::RevocationSet& revoked,
                                     domain::UserDeletions& deletions, FeedStatus& status,
                                     const shared::time::Clock& clock, FollowOptions options,
                                     std::function<void()> on_deletion_recorded)
    : feed_(feed),
      revoked_(revoked),
      deletions_(deletions),
      status_(status),
      clock_(clock),
      options_(options),
      on_deletion_recorded_(std::move(on_deletion_recorded)),
      backoff_(options.first_backoff, options.max_backoff),
      last_drop_(clock.now()) {}

FollowReport FollowRevocations::step() {
  drop_expired_now_and_then();
  const bool snapshot = !cursor_.has_value();
  auto answer = snapshot ? feed_.snapshot() : feed_.after(*cursor_, options_.wait);
  switch (answer.kind) {
    case FeedAnswer::Kind::kPage:
      break;
    case FeedAnswer::Kind::kCursorExpired: {
      // Not a failure: the feed answered. The next step, at once, is a snapshot.
      cursor_.reset();
      FollowReport report;
      report.cursor_expired = true;
      return report;
    }
    case FeedAnswer::Kind::kRefused:
      return failed(FeedState::kRefused, std::move(answer.reason));
    case FeedAnswer::Kind::kUnavailable:
      return failed(FeedState::kUnavailable, std::move(answer.reason));
  }

  auto applied = take(answer.page, snapshot);
  if (!applied)
    return failed(FeedState::kUnavailable, "recording a deletion: " + applied.error().message);
  status_.answered(clock_.now());
  if (snapshot) status_.mark_loaded();
  cursor_ = std::move(answer.page.cursor);
  backoff_.reset();

  FollowReport report;
  report.snapshot_loaded = snapshot;
  report.events_applied = *applied;
  if (state_ != FeedState::kFollowing) report.new_state = state_ = FeedState::kFollowing;
  return report;
}

shared::Result<std::size_t> FollowRevocations::take(const shared::revocation::FeedPage& page,
                                                    bool snapshot) {
  bool recorded = false;
  std::size_t applied = 0;
  // Recorded before the cursor moves past it, so a crash cannot lose a deletion.
  const auto record = [&](const shared::revocation::Event& event) -> shared::Result<void> {
    const auto* deleted = std::get_if<shared::revocation::UserDeleted>(&event);
    if (deleted == nullptr) return shared::Result<void>::success();
    // Not a user id this service stores tasks under: nothing of it to delete.
    const auto user = domain::UserId::parse(deleted->user_id);
    if (!user) return shared::Result<void>::success();
    auto done = deletions_.record(*user);
    recorded = recorded || done.ok();
    return done;
  };
  shared::Result<void> outcome = shared::Result<void>::success();
  for (const auto& event : page.events) {
    outcome = record(event);
    if (!outcome) break;
    if (!snapshot) revoked_.apply(event);
    ++applied;
  }
  if (outcome && snapshot) revoked_.replace(page.events);
  if (recorded && on_deletion_recorded_) on_deletion_recorded_();
  if (!outcome) return outcome.error();
  return applied;
}

FollowReport FollowRevocations::failed(FeedState state, std::string reason) {
  FollowReport report;
  report.pause = backoff_.next();
  if (state_ != state) {
    report.new_state = state_ = state;
    report.reason = std::move(reason);
  }
  return report;
}

void FollowRevocations::drop_expired_now_and_then() {
  const auto now = clock_.now();
  if (now - last_drop_ < options_.drop_interval) return;
  last_drop_ = now;
  revoked_.drop_expired(shared::time::epoch_seconds(now));
}

}  // namespace task::app
