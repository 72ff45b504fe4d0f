#pragma once
// Fakes for the follower's and the deletion worker's ports: a feed that
// answers from a script and notes what it was asked, and user deletions
// kept in maps, which can be told to fail.

#include <chrono>
#include <deque>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "task/domain/ports/revocation_feed.hpp"
#include "task/domain/ports/user_deletions.hpp"

namespace task_test {

class ScriptedFeed final : public task::domain::RevocationFeed {
 public:
  struct Call {
    std::optional<std::string> cursor;  // none: a snapshot
    std::chrono::seconds wait{0};
  };

  void answer(task::domain::FeedAnswer answer) { script_.push_back(std::move(answer)); }
  void answer_page(std::string cursor, std::vector<shared::revocation::Event> events = {}) {
    answer(task::domain::FeedAnswer::of({std::move(cursor), std::move(events)}));
  }
  void answer_failure(task::domain::FeedAnswer::Kind kind, std::string reason = "down") {
    answer(task::domain::FeedAnswer::failed(kind, std::move(reason)));
  }

  task::domain::FeedAnswer snapshot() override { return next({std::nullopt, {}}); }
  task::domain::FeedAnswer after(const std::string& cursor, std::chrono::seconds wait) override {
    return next({cursor, wait});
  }
  void interrupt() override {}

  std::vector<Call> calls;

 private:
  task::domain::FeedAnswer next(Call call) {
    calls.push_back(std::move(call));
    if (script_.empty()) {
      return task::domain::FeedAnswer::failed(task::domain::FeedAnswer::Kind::kUnavailable,
                                              "script ended");
    }
    auto answer = std::move(script_.front());
    script_.pop_front();
    return answer;
  }
  std::deque<task::domain::FeedAnswer> script_;
};

class FakeUserDeletions final : public task::domain::UserDeletions {
 public:
  shared::Result<void> record(const task::domain::UserId& user) override {
    if (failing) return down();
    if (!done.contains(user)) requested.insert(user);
    return shared::Result<void>::success();
  }
  shared::Result<std::vector<task::domain::UserId>> pending() override {
    if (failing) return down();
    return std::vector<task::domain::UserId>(requested.begin(), requested.end());
  }
  shared::Result<std::size_t> delete_batch(const task::domain::UserId& user,
                                           std::size_t limit) override {
    if (failing) return down();
    ++batches;
    auto& count = tasks[user];
    const auto gone = std::min(count, limit);
    count -= gone;
    return gone;
  }
  shared::Result<void> mark_done(const task::domain::UserId& user) override {
    if (failing) return down();
    requested.erase(user);
    done.insert(user);
    return shared::Result<void>::success();
  }

  bool failing = false;
  std::set<task::domain::UserId> requested;
  std::set<task::domain::UserId> done;
  std::map<task::domain::UserId, std::size_t> tasks;  // how many each user has
  std::size_t batches = 0;

 private:
  static shared::Error down() { return shared::Error::unavailable("database down"); }
};

}  // namespace task_test
