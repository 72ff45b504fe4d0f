#pragma once
#include <chrono>
#include <cstdint>
#include <optional>

#include "auth/domain/ports/revocation_log.hpp"
#include "shared/result.hpp"
#include "shared/revocation/feed_page.hpp"
#include "shared/time/clock.hpp"

namespace auth::app {

struct ReadRevocationFeedCommand {
  std::optional<std::int64_t> after;  // none: a snapshot
};

// One page of the revocation feed for a follower: a snapshot of what is in
// force, or the events after a cursor (nullopt: the cursor is outside the
// retained history, and the follower must take a snapshot). Waiting for
// events is the HTTP adapter's business.
class ReadRevocationFeed {
 public:
  static constexpr std::size_t kPageSize = 1000;

  ReadRevocationFeed(domain::RevocationLog& log, const shared::time::Clock& clock,
                     std::chrono::seconds grace);
  [[nodiscard]] shared::Result<std::optional<shared::revocation::FeedPage>> execute(
      const ReadRevocationFeedCommand& command) const;

 private:
  domain::RevocationLog& log_;
  const shared::time::Clock& clock_;
  std::chrono::seconds grace_;
};

}  // namespace auth::app
