#pragma once
// AttemptCounters on PostgreSQL (table attempt_counters, migration 0004):
// every replica counts into the same rows. Reading two keys, or counting
// into two, is one statement each, so a login costs at most two.

#include "auth/domain/ports/attempt_counters.hpp"
#include "shared/db/connection_pool.hpp"

namespace auth::adapters::postgres {

class SociAttemptCounters final : public domain::AttemptCounters {
 public:
  explicit SociAttemptCounters(shared::db::ConnectionPool& pool);

  shared::Result<std::vector<domain::AttemptWindow>> open_windows(
      std::span<const domain::AttemptKey> keys, shared::time::Timestamp now) override;
  shared::Result<std::vector<domain::AttemptWindow>> count(std::span<const domain::AttemptKey> keys,
                                                           shared::time::Timestamp now,
                                                           std::chrono::seconds window) override;
  shared::Result<void> clear(const domain::AttemptKey& key) override;
  shared::Result<std::size_t> prune(shared::time::Timestamp now) override;

 private:
  shared::db::ConnectionPool& pool_;
};

}  // namespace auth::adapters::postgres
