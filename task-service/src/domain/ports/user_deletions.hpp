#pragma once
// Deleting the data of users whose accounts are gone (the feed's
// `user_deleted`). A request is recorded first and durably, then worked off
// in bounded batches, so a restart in the middle resumes where it stopped
// and no single statement holds locks on a large user's rows for long.
//
// Failures of the store are kUnavailable (cannot reach it, or it failed) or
// kInternal (a bug).

#include <cstddef>
#include <vector>

#include "shared/result.hpp"
#include "task/domain/user_id.hpp"

namespace task::domain {

class UserDeletions {
 public:
  virtual ~UserDeletions() = default;

  // Idempotent: a user already requested (pending or done) stays as it is.
  virtual shared::Result<void> record(const UserId& user) = 0;
  // The requests not done yet, oldest first.
  virtual shared::Result<std::vector<UserId>> pending() = 0;
  // Deletes at most `limit` of the user's tasks; returns how many went.
  virtual shared::Result<std::size_t> delete_batch(const UserId& user, std::size_t limit) = 0;
  virtual shared::Result<void> mark_done(const UserId& user) = 0;
};

}  // namespace task::domain
