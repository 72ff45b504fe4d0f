// Working off user deletions: bounded batches, done only when a short batch
// shows nothing is left, a bounded run, failures passed on, and a repeat
// after a failure finishing the job.
#include "task/app/drain_user_deletions.hpp"

#include <catch2/catch.hpp>

#include "app/revocation_fakes.hpp"

namespace {

const auto kAlice = *task::domain::UserId::parse("0b5e7a52-3f0c-4a8e-9b1d-2c6f4e8a1d3b");
const auto kBob = *task::domain::UserId::parse("7d2c9e14-85a1-4f3b-a6c0-1e9b5d7f3a24");

// A store where `user` has `tasks` tasks and a deletion request, drained in
// batches of 10.
struct Requested {
  Requested(const task::domain::UserId& user, std::size_t tasks) { add(user, tasks); }
  void add(const task::domain::UserId& user, std::size_t tasks) {
    store.tasks[user] = tasks;
    REQUIRE(store.record(user));
  }
  task_test::FakeUserDeletions store;
  task::app::DrainUserDeletions drain{store, 10};
};

}  // namespace

TEST_CASE("drain user deletions: every task goes, in batches, then the request is done",
          "[unit][deletions]") {
  Requested world(kAlice, 25);
  world.add(kBob, 10);
  auto& [store, drain] = world;

  auto report = drain.execute({});
  REQUIRE(report);
  CHECK(report->tasks_deleted == 35);
  CHECK(report->users_done == 2);
  CHECK(report->pending == 0);
  CHECK(store.tasks[kAlice] == 0);
  CHECK(store.batches == 3 + 2);  // 10, 10, 5 / 10, 0
  CHECK(store.done.size() == 2);

  // Recorded again (a snapshot repeats it): nothing to do.
  REQUIRE(store.record(kAlice));
  CHECK(drain.execute({})->pending == 0);
}

TEST_CASE("drain user deletions: a run stops after max_batches and the next one resumes",
          "[unit][deletions]") {
  const Requested world(kAlice, 35);
  const auto& drain = world.drain;

  auto first = drain.execute({.max_batches = 2});
  REQUIRE(first);
  CHECK(first->tasks_deleted == 20);
  CHECK(first->pending == 1);
  auto second = drain.execute({.max_batches = 2});
  REQUIRE(second);
  CHECK(second->tasks_deleted == 15);
  CHECK(second->pending == 0);
}

TEST_CASE("drain user deletions: a failing store is reported, and a later run finishes",
          "[unit][deletions]") {
  Requested world(kAlice, 5);
  auto& [store, drain] = world;
  store.failing = true;
  auto failed = drain.execute({});
  REQUIRE_FALSE(failed);
  CHECK(failed.error().code == shared::ErrorCode::kUnavailable);
  store.failing = false;
  CHECK(drain.execute({})->users_done == 1);
}
