#include "task/adapters/workers/user_deletion_worker.hpp"

#include "shared/log/logging.hpp"
#include "task/app/backoff.hpp"

namespace task::adapters::workers {
namespace {

constexpr std::chrono::minutes kRecheck{1};
// A few batches per run, so stop() is never held up for long.
constexpr app::DrainUserDeletionsCommand kRun{.max_batches = 10};

}  // namespace

UserDeletionWorker::UserDeletionWorker(const app::DrainUserDeletions& drain)
    : drain_(drain), thread_([this] { loop(); }) {}

UserDeletionWorker::~UserDeletionWorker() {
  stop();
}

void UserDeletionWorker::stop() {
  wakeup_.stop();
  if (thread_.joinable()) thread_.join();
}

void UserDeletionWorker::loop() {
  app::Backoff backoff(std::chrono::milliseconds(200), std::chrono::milliseconds(5000));
  bool failing = false;
  // The first run, at once, drains what a previous process left.
  while (!wakeup_.stopped()) {
    std::chrono::milliseconds pause = kRecheck;
    auto report = drain_.execute(kRun);
    if (!report) {
      if (!failing) {
        shared::log::warn("user deletions: cannot work them off now; retrying",
                          {{"reason", report.error().message}});
      }
      failing = true;
      pause = backoff.next();
    } else {
      if (failing) shared::log::info("user deletions: working them off again");
      failing = false;
      backoff.reset();
      pending_.store(report->pending);
      if (report->users_done > 0 || report->tasks_deleted > 0) {
        shared::log::info("user deletions: progress",
                          {{"users_done", static_cast<std::uint64_t>(report->users_done)},
                           {"tasks_deleted", static_cast<std::uint64_t>(report->tasks_deleted)},
                           {"pending", static_cast<std::uint64_t>(report->pending)}});
      }
      if (report->pending > 0) pause = std::chrono::milliseconds(0);
    }
    if (!wakeup_.sleep(pause)) return;
  }
}

}  // namespace task::adapters::workers
