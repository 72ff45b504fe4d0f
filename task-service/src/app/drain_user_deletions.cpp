#include "task/app/drain_user_deletions.hpp"

namespace task::app {

DrainUserDeletions::DrainUserDeletions(domain::UserDeletions& deletions, std::size_t batch_size)
    : deletions_(deletions), batch_size_(batch_size == 0 ? 1 : batch_size) {}

shared::Result<DrainReport> DrainUserDeletions::execute(
    const DrainUserDeletionsCommand& command) const {
  auto pending = deletions_.pending();
  if (!pending) return pending.error();
  DrainReport report;
  report.pending = pending->size();
  std::size_t batches = 0;
  for (const auto& user : *pending) {
    while (true) {
      if (batches == command.max_batches) return report;
      ++batches;
      auto deleted = deletions_.delete_batch(user, batch_size_);
      if (!deleted) return deleted.error();
      report.tasks_deleted += *deleted;
      // A short batch was the last: the user has no task left.
      if (*deleted < batch_size_) break;
    }
    if (auto done = deletions_.mark_done(user); !done) return done.error();
    ++report.users_done;
    --report.pending;
  }
  return report;
}

}  // namespace task::app
