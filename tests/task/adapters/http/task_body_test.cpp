// JSON bodies → NewTask / TaskChanges: type violations and rule violations
// located in the body and reported together.
#include "task/adapters/http/task_body.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using nlohmann::json;
using namespace task;

namespace {
std::vector<std::string> violations(const shared::Error& error) {
  std::vector<std::string> out;
  for (const auto& v : error.violations) {
    std::string location;
    for (const auto& part : v.location)
      location += (location.empty() ? "" : ".") + part.text() + (part.is_index() ? "#" : "");
    out.push_back(location + ":" + v.type);
  }
  return out;
}
}  // namespace

TEST_CASE("a type violation hides the rule violations of the same field only") {
  const auto result = adapters::http::new_task_from_body(
      {{"title", 7}, {"priority", "nope"}, {"tags", {"ok", 3, ""}}, {"due_date", false}});
  REQUIRE_FALSE(result.ok());
  CHECK(violations(result.error()) ==
        std::vector<std::string>{"body.title:string_type", "body.priority:enum",
                                 "body.tags.1#:string_type", "body.due_date:datetime_type"});
}

TEST_CASE("unknown members are ignored and nulls clear nullable fields") {
  const auto created =
      adapters::http::new_task_from_body({{"title", "t"}, {"owner", "me"}, {"id", 5}});
  REQUIRE(created.ok());
  CHECK(created->title == "t");
  const auto changes =
      adapters::http::task_changes_from_body({{"description", nullptr}, {"extra", 1}});
  REQUIRE(changes.ok());
  REQUIRE(changes->description.has_value());
  CHECK_FALSE(changes->description->has_value());
  CHECK_FALSE(changes->title);
}

TEST_CASE("completion: absent or null toggles, a boolean sets, anything else is 422") {
  CHECK(*adapters::http::completion_from_body(json::object()) == std::nullopt);
  CHECK(*adapters::http::completion_from_body({{"completed", nullptr}}) == std::nullopt);
  CHECK(*adapters::http::completion_from_body({{"completed", false}}) ==
        std::optional<bool>(false));
  CHECK(violations(adapters::http::completion_from_body({{"completed", "true"}}).error()) ==
        std::vector<std::string>{"body.completed:bool_type"});
}
