#pragma once
// Works off recorded user deletions: deletes each pending user's tasks in
// batches of a bounded size (each its own statement and transaction, so no
// statement holds many rows' locks for long), then marks the request done.
// Idempotent: a run interrupted anywhere (a crash, a lost connection) is
// finished by the next, which finds the request still pending.

#include <cstddef>

#include "shared/result.hpp"
#include "task/domain/ports/user_deletions.hpp"

namespace task::app {

struct DrainUserDeletionsCommand {
  // At most this many batches in this run, so the caller can stop between
  // runs (shutdown) however large a user is.
  std::size_t max_batches = 100;
};

struct DrainReport {
  std::size_t tasks_deleted = 0;
  std::size_t users_done = 0;
  std::size_t pending = 0;  // requests not done when the run ended
};

class DrainUserDeletions {
 public:
  DrainUserDeletions(domain::UserDeletions& deletions, std::size_t batch_size);
  [[nodiscard]] shared::Result<DrainReport> execute(const DrainUserDeletionsCommand& command) const;

 private:
  domain::UserDeletions& deletions_;
  std::size_t batch_size_;
};

}  // namespace task::app
