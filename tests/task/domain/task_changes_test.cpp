#include "task/domain/task_changes.hpp"

#include <catch2/catch.hpp>

using namespace task::domain;

TEST_CASE("an empty change set changes nothing") {
  const auto changes = TaskChanges::from({});
  REQUIRE(changes.ok());
  CHECK_FALSE(changes->title);
  CHECK_FALSE(changes->description);
  CHECK_FALSE(changes->completed);
  CHECK_FALSE(changes->priority);
  CHECK_FALSE(changes->tags);
  CHECK_FALSE(changes->due_date);
}

TEST_CASE("description and due date can be cleared with null") {
  TaskDraft draft;
  draft.description = std::optional<std::string>();
  draft.due_date = std::optional<std::string>();
  const auto changes = TaskChanges::from(draft);
  REQUIRE(changes.ok());
  REQUIRE(changes->description.has_value());
  CHECK_FALSE(changes->description->has_value());
  REQUIRE(changes->due_date.has_value());
  CHECK_FALSE(changes->due_date->has_value());
}

TEST_CASE("present fields are validated like a new task's") {
  TaskDraft draft;
  draft.title = std::optional<std::string>(" New ");
  draft.tags = std::optional<std::vector<std::string>>({"x", " x"});
  draft.priority = std::optional<std::string>("high");
  draft.due_date = std::optional<std::string>("2026-01-02");
  draft.completed = std::optional<bool>(true);
  const auto changes = TaskChanges::from(draft);
  REQUIRE(changes.ok());
  CHECK(changes->title == "New");
  CHECK(changes->tags == std::vector<std::string>{"x"});
  CHECK(changes->priority == Priority::kHigh);
  CHECK(shared::time::format_rfc3339(**changes->due_date) == "2026-01-02T00:00:00Z");
  CHECK(changes->completed == true);
}

TEST_CASE("title may not be null or empty, and completed, priority, tags may not be null") {
  TaskDraft draft;
  draft.title = std::optional<std::string>();
  draft.completed = std::optional<bool>();
  draft.priority = std::optional<std::string>();
  draft.tags = std::optional<std::vector<std::string>>();
  const auto nulls = TaskChanges::from(draft);
  REQUIRE_FALSE(nulls.ok());
  CHECK(nulls.error().violations.size() == 4);

  TaskDraft empty;
  empty.title = std::optional<std::string>("   ");
  const auto result = TaskChanges::from(empty);
  REQUIRE_FALSE(result.ok());
  CHECK(result.error().violations.front().location == shared::Location{"title"});
}
