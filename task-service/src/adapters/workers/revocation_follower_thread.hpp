#pragma once
// Runs FollowRevocations on a thread of its own: one step after another,
// sleeping the pause each step asks for, logging each change of the feed's
// state once (not every retry). stop() interrupts the feed (a long poll in
// progress ends at once) and the pause, then joins: it takes well under a
// second.

#include <thread>

#include "task/adapters/workers/wakeup.hpp"
#include "task/app/follow_revocations.hpp"
#include "task/domain/ports/revocation_feed.hpp"

namespace task::adapters::workers {

class RevocationFollowerThread {
 public:
  // Both must outlive this object. The thread starts here.
  RevocationFollowerThread(app::FollowRevocations& follower, domain::RevocationFeed& feed);
  ~RevocationFollowerThread();
  RevocationFollowerThread(const RevocationFollowerThread&) = delete;
  RevocationFollowerThread& operator=(const RevocationFollowerThread&) = delete;

  void stop();

 private:
  void loop();

  app::FollowRevocations& follower_;
  domain::RevocationFeed& feed_;
  Wakeup wakeup_;
  std::thread thread_;  // last: starts once the members above exist
};

}  // namespace task::adapters::workers
