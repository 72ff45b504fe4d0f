#include "auth/adapters/memory/in_memory_attempt_counters.hpp"

namespace auth::adapters::memory {

using domain::AttemptWindow;

shared::Result<std::vector<AttemptWindow>> InMemoryAttemptCounters::open_windows(
    std::span<const domain::AttemptKey> keys, shared::time::Timestamp now) {
  std::lock_guard lock(mutex_);
  std::vector<AttemptWindow> open;
  for (const auto& key : keys) {
    const auto found = windows_.find({key.kind, key.value});
    if (found != windows_.end() && found->second.ends > now) open.push_back(found->second);
  }
  return open;
}

shared::Result<std::vector<AttemptWindow>> InMemoryAttemptCounters::count(
    std::span<const domain::AttemptKey> keys, shared::time::Timestamp now,
    std::chrono::seconds window) {
  std::lock_guard lock(mutex_);
  std::vector<AttemptWindow> counted;
  for (const auto& key : keys) {
    auto& current = windows_[{key.kind, key.value}];
    if (current.attempts == 0 || current.ends <= now) {
      current = AttemptWindow{key.kind, 0, now + window};
    }
    ++current.attempts;
    counted.push_back(current);
  }
  return counted;
}

shared::Result<void> InMemoryAttemptCounters::clear(const domain::AttemptKey& key) {
  std::lock_guard lock(mutex_);
  windows_.erase({key.kind, key.value});
  return shared::Result<void>::success();
}

shared::Result<std::size_t> InMemoryAttemptCounters::prune(shared::time::Timestamp now) {
  std::lock_guard lock(mutex_);
  return std::erase_if(windows_, [&](const auto& entry) { return entry.second.ends <= now; });
}

}  // namespace auth::adapters::memory
