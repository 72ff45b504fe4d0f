#include "task/adapters/workers/revocation_follower_thread.hpp"

#include "shared/log/logging.hpp"

namespace task::adapters::workers {
namespace {

void log_report(const app::FollowReport& report) {
  if (report.cursor_expired) {
    shared::log::info("revocation feed cursor expired; taking a new snapshot");
  }
  if (!report.new_state) return;
  switch (*report.new_state) {
    case app::FeedState::kFollowing:
      shared::log::info("following the revocation feed");
      break;
    case app::FeedState::kUnavailable:
      shared::log::warn("revocation feed unavailable; retrying with backoff",
                        {{"reason", report.reason}});
      break;
    case app::FeedState::kRefused:
      shared::log::error("revocation feed refused this service's token; retrying with backoff",
                         {{"reason", report.reason}});
      break;
    case app::FeedState::kStarting:
      break;
  }
}

}  // namespace

RevocationFollowerThread::RevocationFollowerThread(app::FollowRevocations& follower,
                                                   domain::RevocationFeed& feed)
    : follower_(follower), feed_(feed), thread_([this] { loop(); }) {}

RevocationFollowerThread::~RevocationFollowerThread() {
  stop();
}

void RevocationFollowerThread::stop() {
  wakeup_.stop();
  feed_.interrupt();
  if (thread_.joinable()) thread_.join();
}

void RevocationFollowerThread::loop() {
  while (!wakeup_.stopped()) {
    const auto report = follower_.step();
    log_report(report);
    if (report.snapshot_loaded) shared::log::info("revocation snapshot loaded");
    if (!wakeup_.sleep(report.pause)) return;
  }
}

}  // namespace task::adapters::workers
