#pragma once
// The TaskRepository contract suite: one set of tests every implementation
// must pass (in-memory and PostgreSQL alike), so the fake can be trusted.
//
// A test executable adds task_repository_contract.cpp to its sources and
// defines make_repository_under_test(). Tests isolate themselves by using
// fresh random owners, so one store may serve every test.

#include <cstddef>
#include <memory>
#include <string>

#include "task/domain/new_task.hpp"
#include "task/domain/ports/task_repository.hpp"
#include "task/domain/task_changes.hpp"
#include "task/domain/user_id.hpp"

namespace task_contract {

std::unique_ptr<task::domain::TaskRepository> make_repository_under_test();

// The limit passed to create() by tests that are not about it: the highest
// MAX_TASKS_PER_USER allows.
inline constexpr std::size_t kNoLimit = 10'000'000;

// A random version-4 UUID.
task::domain::UserId random_user();

// Builds a valid NewTask / TaskChanges through the domain's own rules.
struct DraftBuilder {
  task::domain::TaskDraft draft;
  DraftBuilder& title(std::string v);
  DraftBuilder& description(std::optional<std::string> v);
  DraftBuilder& completed(bool v);
  DraftBuilder& priority(std::string v);
  DraftBuilder& tags(std::vector<std::string> v);
  DraftBuilder& due(std::optional<std::string> v);
  task::domain::NewTask new_task() const;
  task::domain::TaskChanges changes() const;
};
inline DraftBuilder draft() {
  return {};
}
inline task::domain::NewTask titled(std::string title) {
  return draft().title(std::move(title)).new_task();
}

}  // namespace task_contract
