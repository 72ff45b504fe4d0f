// The hand-written task JSON must be exactly what a JSON library would
// produce: checked against nlohmann's parser for awkward strings.
#include "task/adapters/http/task_json.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using nlohmann::json;
using namespace task;

namespace {
domain::Task sample() {
  domain::Task task;
  task.id = 42;
  task.user_id = *domain::UserId::parse("0b0f9d1e-1234-4abc-8def-0123456789ab");
  task.title = "Buy \"milk\" \\ now\n\t\x01 日本 😀";
  task.tags = {"a,b", "{x}", "\x1f"};
  task.created_at = shared::time::Timestamp(std::chrono::microseconds(1'764'000'000'000'001));
  task.updated_at = shared::time::Timestamp(std::chrono::seconds(1'764'000'000));
  return task;
}
}  // namespace

TEST_CASE("a task serialises to the contract's members, in order, escaped") {
  const auto text = adapters::http::task_json(sample());
  CHECK(text.rfind(R"({"id":42,"user_id":"0b0f9d1e-1234-4abc-8def-0123456789ab","title":)", 0) ==
        0);
  const auto parsed = json::parse(text);
  CHECK(parsed["title"] == sample().title);
  CHECK(parsed["description"].is_null());
  CHECK(parsed["completed"] == false);
  CHECK(parsed["priority"] == "medium");
  CHECK(parsed["tags"] == json({"a,b", "{x}", "\x1f"}));
  CHECK(parsed["due_date"].is_null());
  CHECK(parsed["created_at"] == "2025-11-24T16:00:00.000001Z");
  CHECK(parsed["updated_at"] == "2025-11-24T16:00:00Z");
  CHECK(text.find("日本 😀") != std::string::npos);  // UTF-8 kept, not \u-escaped
}

TEST_CASE("a list is a JSON array of tasks") {
  CHECK(adapters::http::task_list_json({}) == "[]");
  auto second = sample();
  second.id = 43;
  second.description = "d";
  second.completed = true;
  second.priority = domain::Priority::kHigh;
  second.due_date = second.created_at;
  const auto parsed = json::parse(adapters::http::task_list_json({sample(), second}));
  REQUIRE(parsed.size() == 2);
  CHECK(parsed[1]["id"] == 43);
  CHECK(parsed[1]["description"] == "d");
  CHECK(parsed[1]["completed"] == true);
  CHECK(parsed[1]["priority"] == "high");
  CHECK(parsed[1]["due_date"] == "2025-11-24T16:00:00.000001Z");
}
