// The use cases with the in-memory repository and a failing fake: they map
// "no such task (for this caller)" to the contract's kNotFound, pass the
// caller through as the owner, refuse a create past the caller's task limit
// (kAlreadyExists) and pass store failures on untouched.
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
  shared::Result<std::optional<Task>> create(const domain::UserId&, const domain::NewTask&,
                                             std::size_t) override {
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

// Every use case over one repository, as main() wires them.
struct UseCases {
  explicit UseCases(domain::TaskRepository& tasks, std::size_t max_tasks = 10000)
      : list(tasks),
        create(tasks, max_tasks),
        get(tasks),
        update(tasks),
        complete(tasks),
        remove(tasks) {}
  app::ListTasks list;
  app::CreateTask create;
  app::GetTask get;
  app::UpdateTask update;
  app::CompleteTask complete;
  app::DeleteTask remove;
};

void check_not_found(const shared::Error& error) {
  CHECK(error.code == ErrorCode::kNotFound);
  CHECK(error.message == "Task not found");
}

}  // namespace

TEST_CASE("the lifecycle of one task through the use cases") {
  adapters::memory::InMemoryTaskRepository repo;
  const UseCases use(repo);
  const auto me = task_contract::random_user();
  const auto created = use.create.execute({me, task_contract::titled(" Buy milk ")});
  REQUIRE(created.ok());
  CHECK(created->user_id == me);
  CHECK(created->title == "Buy milk");

  CHECK(use.get.execute({me, created->id})->title == "Buy milk");
  const auto listed = use.list.execute({me, {}});
  REQUIRE(listed.ok());
  CHECK(listed->total == 1);

  const auto updated =
      use.update.execute({me, created->id, task_contract::draft().priority("high").changes()});
  REQUIRE(updated.ok());
  CHECK(updated->priority == domain::Priority::kHigh);

  CHECK(use.complete.execute({me, created->id, std::nullopt})->completed);
  CHECK_FALSE(use.complete.execute({me, created->id, false})->completed);

  CHECK(use.remove.execute({me, created->id}).ok());
  check_not_found(use.remove.execute({me, created->id}).error());
  check_not_found(use.get.execute({me, created->id}).error());
}

TEST_CASE("another caller gets kNotFound from every use case, and changes nothing") {
  adapters::memory::InMemoryTaskRepository repo;
  const UseCases use(repo);
  const auto owner = task_contract::random_user();
  const auto intruder = task_contract::random_user();
  const auto task = use.create.execute({owner, task_contract::titled("mine")}).value();

  check_not_found(use.get.execute({intruder, task.id}).error());
  check_not_found(
      use.update.execute({intruder, task.id, task_contract::draft().title("x").changes()}).error());
  check_not_found(use.complete.execute({intruder, task.id, std::nullopt}).error());
  check_not_found(use.remove.execute({intruder, task.id}).error());
  CHECK(use.list.execute({intruder, {}})->total == 0);
  CHECK(use.get.execute({owner, task.id}).value() == task);
}

TEST_CASE("store failures pass through unchanged") {
  UnavailableTaskRepository repo;
  const UseCases use(repo);
  const auto me = task_contract::random_user();
  CHECK(use.create.execute({me, task_contract::titled("t")}).error().code ==
        ErrorCode::kUnavailable);
  CHECK(use.list.execute({me, {}}).error().code == ErrorCode::kUnavailable);
  CHECK(use.get.execute({me, 1}).error().code == ErrorCode::kUnavailable);
  CHECK(use.update.execute({me, 1, task_contract::draft().changes()}).error().code ==
        ErrorCode::kUnavailable);
  CHECK(use.complete.execute({me, 1, true}).error().code == ErrorCode::kUnavailable);
  CHECK(use.remove.execute({me, 1}).error().code == ErrorCode::kUnavailable);
}

TEST_CASE(
    "at the task limit create is kAlreadyExists naming the limit, and a delete frees a slot") {
  adapters::memory::InMemoryTaskRepository repo;
  const UseCases use(repo, 2);
  const auto me = task_contract::random_user();
  const auto first = use.create.execute({me, task_contract::titled("1")});
  REQUIRE(first.ok());
  REQUIRE(use.create.execute({me, task_contract::titled("2")}).ok());

  const auto refused = use.create.execute({me, task_contract::titled("3")});
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().code == ErrorCode::kAlreadyExists);
  CHECK(refused.error().message == "Task limit reached (2)");
  CHECK(use.list.execute({me, {}})->total == 2);
  // The limit is per user.
  CHECK(use.create.execute({task_contract::random_user(), task_contract::titled("x")}).ok());

  REQUIRE(use.remove.execute({me, first->id}).ok());
  CHECK(use.create.execute({me, task_contract::titled("3")}).ok());
}
