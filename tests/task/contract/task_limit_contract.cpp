// The TaskRepository contract, continued: the per-owner limit on create
// (MAX_TASKS_PER_USER). See task_repository_contract.hpp.
#include <atomic>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>

#include "contract/task_repository_contract.hpp"

using namespace task::domain;
using task_contract::random_user;
using task_contract::titled;

namespace {

// create() with `limit`: the task, or nullopt at the limit.
std::optional<Task> create_within(TaskRepository& repo, const UserId& owner, std::size_t limit) {
  auto created = repo.create(owner, titled("t"), limit);
  REQUIRE(created.ok());
  return std::move(created).value();
}

std::int64_t total(TaskRepository& repo, const UserId& owner) {
  auto page = repo.list(owner, {});
  REQUIRE(page.ok());
  return page->total;
}

}  // namespace

TEST_CASE("contract: create at the owner's limit writes nothing, and the limit is per owner",
          "[contract][limit]") {
  auto repo = task_contract::make_repository_under_test();
  const auto owner = random_user();
  for (int i = 0; i < 3; ++i) REQUIRE(create_within(*repo, owner, 3));
  CHECK_FALSE(create_within(*repo, owner, 3));
  CHECK_FALSE(create_within(*repo, owner, 3));
  CHECK(total(*repo, owner) == 3);

  // Another owner has a limit of their own.
  const auto other = random_user();
  CHECK(create_within(*repo, other, 1));
  CHECK_FALSE(create_within(*repo, other, 1));

  // The limit is the caller's to pass: lowered below what the owner holds,
  // nothing more goes in (nothing is taken away); raised, more does.
  CHECK_FALSE(create_within(*repo, owner, 2));
  CHECK(create_within(*repo, owner, 4));
  CHECK(total(*repo, owner) == 4);
}

TEST_CASE("contract: removing a task frees its slot, removing nothing frees none",
          "[contract][limit]") {
  auto repo = task_contract::make_repository_under_test();
  const auto owner = random_user();
  const auto intruder = random_user();
  const auto first = create_within(*repo, owner, 2);
  REQUIRE(first);
  REQUIRE(create_within(*repo, owner, 2));
  REQUIRE_FALSE(create_within(*repo, owner, 2));

  // Someone else's delete of the task, or of one that is not there, changes no count.
  REQUIRE_FALSE(*repo->remove(intruder, first->id));
  REQUIRE_FALSE(*repo->remove(owner, first->id + 1000000));
  CHECK_FALSE(create_within(*repo, owner, 2));
  CHECK(create_within(*repo, intruder, 1));

  REQUIRE(*repo->remove(owner, first->id));
  REQUIRE_FALSE(*repo->remove(owner, first->id));  // twice frees one slot, not two
  CHECK(create_within(*repo, owner, 2));
  CHECK_FALSE(create_within(*repo, owner, 2));
  CHECK(total(*repo, owner) == 2);
}

TEST_CASE("contract: concurrent creates of one owner never pass the limit together",
          "[contract][limit]") {
  auto repo = task_contract::make_repository_under_test();
  constexpr std::size_t kLimit = 5;
  constexpr int kThreads = 4;
  constexpr int kAttemptsEach = 4;  // 16 attempts for 5 slots
  const auto owner = random_user();
  std::atomic<int> created{0};
  std::atomic<int> refused{0};
  std::atomic<int> failed{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < kAttemptsEach; ++i) {
        auto result = repo->create(owner, titled("race"), kLimit);
        if (!result.ok()) {
          ++failed;
        } else if (result->has_value()) {
          ++created;
        } else {
          ++refused;
        }
      }
    });
  }
  for (auto& thread : threads) thread.join();
  CHECK(failed == 0);
  CHECK(created == static_cast<int>(kLimit));
  CHECK(refused == kThreads * kAttemptsEach - static_cast<int>(kLimit));
  CHECK(total(*repo, owner) == static_cast<std::int64_t>(kLimit));
}
