#pragma once
// Reading the revocation feed: the events SessionStore appended, by cursor
// (the events' ids, which grow in commit order), and the state they add up to.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>

#include "shared/result.hpp"
#include "shared/revocation/feed_page.hpp"

namespace auth::domain {

class RevocationLog {
 public:
  virtual ~RevocationLog() = default;

  // Everything in force at `now` (revocations of tokens that expired more
  // than `grace` ago are not), with the cursor of the newest event, read
  // consistently with each other.
  virtual shared::Result<shared::revocation::FeedPage> snapshot(std::int64_t now,
                                                                std::chrono::seconds grace) = 0;

  // Up to `limit` events after `cursor`, oldest first, and the cursor to
  // continue from; nullopt when `cursor` is older than the retained history
  // or newer than any event (not a cursor of this log).
  virtual shared::Result<std::optional<shared::revocation::FeedPage>> after(std::int64_t cursor,
                                                                            std::size_t limit) = 0;
};

}  // namespace auth::domain
