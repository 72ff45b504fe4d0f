#include "auth/app/read_revocation_feed.hpp"

namespace auth::app {

ReadRevocationFeed::ReadRevocationFeed(domain::RevocationLog& log, const shared::time::Clock& clock,
                                       std::chrono::seconds grace)
    : log_(log), clock_(clock), grace_(grace) {}

shared::Result<std::optional<shared::revocation::FeedPage>> ReadRevocationFeed::execute(
    const ReadRevocationFeedCommand& command) const {
  using Page = std::optional<shared::revocation::FeedPage>;
  if (command.after) return log_.after(*command.after, kPageSize);
  auto snapshot = log_.snapshot(shared::time::epoch_seconds(clock_.now()), grace_);
  if (!snapshot) return snapshot.error();
  return Page(std::move(snapshot).value());
}

}  // namespace auth::app
