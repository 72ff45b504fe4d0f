#include "task/domain/new_task.hpp"

#include <catch2/catch.hpp>

using namespace task::domain;

namespace {
std::vector<std::string> locations(const shared::Error& error) {
  std::vector<std::string> out;
  for (const auto& v : error.violations) {
    std::string joined;
    for (const auto& part : v.location) joined += (joined.empty() ? "" : ".") + part.text();
    out.push_back(joined + ":" + v.type);
  }
  return out;
}
}  // namespace

TEST_CASE("a new task needs only a title and takes the contract's defaults") {
  TaskDraft draft;
  draft.title = std::optional<std::string>("  Buy milk ");
  const auto task = NewTask::from(draft);
  REQUIRE(task.ok());
  CHECK(task->title == "Buy milk");
  CHECK_FALSE(task->description.has_value());
  CHECK_FALSE(task->completed);
  CHECK(task->priority == Priority::kMedium);
  CHECK(task->tags.empty());
  CHECK_FALSE(task->due_date.has_value());
}

TEST_CASE("a new task keeps every valid field") {
  TaskDraft draft;
  draft.title = std::optional<std::string>("t");
  draft.description = std::optional<std::string>("d");
  draft.completed = std::optional<bool>(true);
  draft.priority = std::optional<std::string>("low");
  draft.tags = std::optional<std::vector<std::string>>({"a", "a", "b"});
  draft.due_date = std::optional<std::string>("2026-12-01T17:00:00+01:00");
  const auto task = NewTask::from(draft);
  REQUIRE(task.ok());
  CHECK(task->description == "d");
  CHECK(task->completed);
  CHECK(task->priority == Priority::kLow);
  CHECK(task->tags == std::vector<std::string>{"a", "b"});
  CHECK(shared::time::format_rfc3339(*task->due_date) == "2026-12-01T16:00:00Z");
}

TEST_CASE("null description and due date mean none") {
  TaskDraft draft;
  draft.title = std::optional<std::string>("t");
  draft.description = std::optional<std::string>();
  draft.due_date = std::optional<std::string>();
  const auto task = NewTask::from(draft);
  REQUIRE(task.ok());
  CHECK_FALSE(task->description.has_value());
  CHECK_FALSE(task->due_date.has_value());
}

TEST_CASE("every violation is reported at once") {
  TaskDraft missing;
  CHECK(locations(NewTask::from(missing).error()) == std::vector<std::string>{"title:missing"});

  TaskDraft nulls;
  nulls.title = std::optional<std::string>();
  nulls.completed = std::optional<bool>();
  nulls.priority = std::optional<std::string>();
  nulls.tags = std::optional<std::vector<std::string>>();
  CHECK(locations(NewTask::from(nulls).error()) ==
        std::vector<std::string>{"title:string_type", "completed:bool_type", "priority:enum",
                                 "tags:list_type"});

  TaskDraft bad;
  bad.title = std::optional<std::string>(" ");
  bad.description = std::optional<std::string>(std::string(2001, 'd'));
  bad.priority = std::optional<std::string>("HIGH");
  bad.tags = std::optional<std::vector<std::string>>({"", "ok", std::string(51, 't')});
  bad.due_date = std::optional<std::string>("2026-02-30");
  CHECK(locations(NewTask::from(bad).error()) ==
        std::vector<std::string>{"title:string_too_short", "description:string_too_long",
                                 "priority:enum", "tags.0:string_too_short",
                                 "tags.2:string_too_long", "due_date:datetime_parsing"});
}
