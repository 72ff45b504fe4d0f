// InMemoryTaskRepository against the TaskRepository contract suite, plus
// what only the fake promises (an injectable clock).
#include "task/adapters/memory/in_memory_task_repository.hpp"

#include <catch2/catch.hpp>

#include "contract/task_repository_contract.hpp"

namespace task_contract {
std::unique_ptr<task::domain::TaskRepository> make_repository_under_test() {
  return std::make_unique<task::adapters::memory::InMemoryTaskRepository>();
}
}  // namespace task_contract

TEST_CASE("a stuck clock still gives every change a later updated_at") {
  const shared::time::Timestamp frozen(std::chrono::microseconds(1'000'000));
  const shared::time::ManualClock stuck(frozen);
  task::adapters::memory::InMemoryTaskRepository repo(stuck);
  const auto owner = task_contract::random_user();
  const auto created = repo.create(owner, task_contract::titled("t"), task_contract::kNoLimit);
  REQUIRE(created.ok());
  REQUIRE(created->has_value());
  const auto& task = **created;
  CHECK(task.created_at == frozen);
  const auto toggled = repo.set_completed(owner, task.id, std::nullopt);
  REQUIRE(toggled.ok());
  CHECK((*toggled)->updated_at > task.updated_at);
}
