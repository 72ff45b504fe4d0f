// The use cases with the in-memory repository and a failing fake: they map
// "no such task (for this caller)" to the contract's kNotFound, pass the
// caller through as the owner, and pass store failures on untouched.
#include <catch2/catch.hpp>

#include "task/adapters/memory/in_memory_task_repository.hpp"
#include "task/app/complete_task.hpp"
#include "task/app/create_task.hpp"
#include "task/app/delete_task.hpp"
#include "task/app/get_task.hpp"
#include "task/app/list_tasks.hpp"
#include "task/app/update_task.hpp"

#include "contract/task_repository_contract.hpp"

using namespace task;
using domain::Task;
using shared::ErrorCode;

namespace {

// A store that is down: every call fails with kUnavailable.
class UnavailableTaskRepository final : public domain::TaskRepository {
 public:
  shared::Result<Task> create(const domain::UserId&, const domain::NewTask&) override {
    return down();
  }
  shared::Result<domain::Page<Task>> list(const domain::UserId&,
                                          const domain::TaskQuery&) override {
    return down();
  }
  shared::Result<std::optional<Task>> find(const domain::UserId&, domain::TaskId) override {
    return down();
  }
  shared::Result<std::optional<Task>> update(const domain::UserId&, domain::TaskId,
                                             const domain::TaskChanges&) override {
    return down();
  }
  shared::Result<std::optional<Task>> set_completed(const domain::UserId&, domain::TaskId,
                                                    std::optional<bool>) override {
    return down();
  }
  shared::Result<bool> remove(const domain::UserId&, domain::TaskId) override { return down(); }

 private:
  static shared::Error down() { return shared::Error::unavailable("database down"); }
};

void check_not_found(const shared::Error& error) {
  CHECK(error.code == ErrorCode::kNotFound);
  CHECK(error.message == "Task not found");
}

}  // namespace

TEST_CASE("the lifecycle of one task through the use cases") {
  adapters::memory::InMemoryTaskRepository repo;
  const auto me = task_contract::random_user();
  const auto created = app::create_task(repo, me, task_contract::titled(" Buy milk "));
  REQUIRE(created.ok());
  CHECK(created->user_id == me);
  CHECK(created->title == "Buy milk");

  CHECK(app::get_task(repo, me, created->id)->title == "Buy milk");
  const auto listed = app::list_tasks(repo, me, {});
  REQUIRE(listed.ok());
  CHECK(listed->total == 1);

  const auto updated =
      app::update_task(repo, me, created->id, task_contract::draft().priority("high").changes());
  REQUIRE(updated.ok());
  CHECK(updated->priority == domain::Priority::kHigh);

  CHECK(app::complete_task(repo, me, created->id, std::nullopt)->completed);
  CHECK_FALSE(app::complete_task(repo, me, created->id, false)->completed);

  CHECK(app::delete_task(repo, me, created->id).ok());
  check_not_found(app::delete_task(repo, me, created->id).error());
  check_not_found(app::get_task(repo, me, created->id).error());
}

TEST_CASE("another caller gets kNotFound from every use case, and changes nothing") {
  adapters::memory::InMemoryTaskRepository repo;
  const auto owner = task_contract::random_user();
  const auto intruder = task_contract::random_user();
  const auto task = app::create_task(repo, owner, task_contract::titled("mine")).value();

  check_not_found(app::get_task(repo, intruder, task.id).error());
  check_not_found(
      app::update_task(repo, intruder, task.id, task_contract::draft().title("x").changes())
          .error());
  check_not_found(app::complete_task(repo, intruder, task.id, std::nullopt).error());
  check_not_found(app::delete_task(repo, intruder, task.id).error());
  CHECK(app::list_tasks(repo, intruder, {})->total == 0);
  CHECK(app::get_task(repo, owner, task.id).value() == task);
}

TEST_CASE("store failures pass through unchanged") {
  UnavailableTaskRepository repo;
  const auto me = task_contract::random_user();
  CHECK(app::create_task(repo, me, task_contract::titled("t")).error().code ==
        ErrorCode::kUnavailable);
  CHECK(app::list_tasks(repo, me, {}).error().code == ErrorCode::kUnavailable);
  CHECK(app::get_task(repo, me, 1).error().code == ErrorCode::kUnavailable);
  CHECK(app::update_task(repo, me, 1, task_contract::draft().changes()).error().code ==
        ErrorCode::kUnavailable);
  CHECK(app::complete_task(repo, me, 1, true).error().code == ErrorCode::kUnavailable);
  CHECK(app::delete_task(repo, me, 1).error().code == ErrorCode::kUnavailable);
}
