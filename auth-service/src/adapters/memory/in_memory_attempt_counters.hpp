#pragma once
// AttemptCounters in a map: for unit tests of the limits. Holds to the same
// contract as SociAttemptCounters (tests/auth/contract/attempt_counters_contract).
// One process only and unbounded between prunes: never for a running service.

#include <map>
#include <mutex>
#include <utility>

#include "auth/domain/ports/attempt_counters.hpp"

namespace auth::adapters::memory {

class InMemoryAttemptCounters final : public domain::AttemptCounters {
 public:
  shared::Result<std::vector<domain::AttemptWindow>> open_windows(
      std::span<const domain::AttemptKey> keys, shared::time::Timestamp now) override;
  shared::Result<std::vector<domain::AttemptWindow>> count(std::span<const domain::AttemptKey> keys,
                                                           shared::time::Timestamp now,
                                                           std::chrono::seconds window) override;
  shared::Result<void> clear(const domain::AttemptKey& key) override;
  shared::Result<std::size_t> prune(shared::time::Timestamp now) override;

 private:
  using Key = std::pair<domain::AttemptKind, std::string>;
  std::mutex mutex_;
  std::map<Key, domain::AttemptWindow> windows_;
};

}  // namespace auth::adapters::memory
