#include "task/domain/task_query.hpp"

#include <map>

#include <catch2/catch.hpp>

using namespace task::domain;

namespace {
shared::Result<TaskQuery> parse(const std::map<std::string, std::string>& params) {
  return TaskQuery::from_parameters([&](std::string_view name) -> std::optional<std::string_view> {
    const auto found = params.find(std::string(name));
    if (found == params.end()) return std::nullopt;
    return std::string_view(found->second);
  });
}
std::vector<std::string> violated(const shared::Result<TaskQuery>& result) {
  REQUIRE_FALSE(result.ok());
  std::vector<std::string> names;
  for (const auto& v : result.error().violations) names.push_back(v.location.at(0).text());
  return names;
}
}  // namespace

TEST_CASE("no parameters: the contract's defaults") {
  const auto query = parse({});
  REQUIRE(query.ok());
  CHECK(query->status == StatusFilter::kAll);
  CHECK_FALSE(query->priority);
  CHECK_FALSE(query->tag);
  CHECK_FALSE(query->search);
  CHECK(query->sort == SortKey::kCreatedAt);
  CHECK(query->order == SortOrder::kDesc);
  CHECK(query->limit == 50);
  CHECK(query->offset == 0);
}

TEST_CASE("every parameter is read") {
  const auto query = parse({{"status", "completed"},
                            {"priority", "low"},
                            {"tag", " home "},
                            {"search", "50%_off\\"},
                            {"due_before", "2026-12-01"},
                            {"due_after", "2026-01-01T00:00:00+01:00"},
                            {"sort", "priority"},
                            {"order", "asc"},
                            {"limit", "100"},
                            {"offset", "7"}});
  REQUIRE(query.ok());
  CHECK(query->status == StatusFilter::kCompleted);
  CHECK(query->priority == Priority::kLow);
  CHECK(query->tag == "home");
  CHECK(query->search == "50%_off\\");
  CHECK(shared::time::format_rfc3339(*query->due_before) == "2026-12-01T00:00:00Z");
  CHECK(shared::time::format_rfc3339(*query->due_after) == "2025-12-31T23:00:00Z");
  CHECK(query->sort == SortKey::kPriority);
  CHECK(query->order == SortOrder::kAsc);
  CHECK(query->limit == 100);
  CHECK(query->offset == 7);
}

TEST_CASE("limits and offsets at and past their bounds") {
  CHECK(parse({{"limit", "1"}}).ok());
  CHECK(parse({{"limit", "+5"}})->limit == 5);
  CHECK(violated(parse({{"limit", "0"}})) == std::vector<std::string>{"limit"});
  CHECK(violated(parse({{"limit", "101"}})) == std::vector<std::string>{"limit"});
  CHECK(violated(parse({{"limit", "-1"}})) == std::vector<std::string>{"limit"});
  CHECK(violated(parse({{"limit", "ten"}})) == std::vector<std::string>{"limit"});
  CHECK(violated(parse({{"limit", ""}})) == std::vector<std::string>{"limit"});
  CHECK(violated(parse({{"limit", "1.5"}})) == std::vector<std::string>{"limit"});
  CHECK(violated(parse({{"limit", "99999999999999999999"}})) == std::vector<std::string>{"limit"});
  CHECK(parse({{"offset", "9223372036854775807"}}).ok());
  CHECK(violated(parse({{"offset", "-1"}})) == std::vector<std::string>{"offset"});
  CHECK(violated(parse({{"offset", "-99999999999999999999"}})) ==
        std::vector<std::string>{"offset"});
  const auto result = parse({{"limit", "0"}});
  CHECK(result.error().violations[0].type == "greater_than_equal");
  CHECK(parse({{"limit", "101"}}).error().violations[0].type == "less_than_equal");
  CHECK(parse({{"limit", "x"}}).error().violations[0].type == "int_parsing");
}

TEST_CASE("unknown values are violations, all reported") {
  CHECK(violated(parse({{"status", "done"},
                        {"priority", "urgent"},
                        {"sort", "id"},
                        {"order", "up"},
                        {"due_before", "soon"},
                        {"due_after", "later"},
                        {"tag", ""},
                        {"search", std::string(201, 's')}})) ==
        std::vector<std::string>{"status", "priority", "tag", "search", "due_before", "due_after",
                                 "sort", "order"});
  CHECK(parse({{"search", std::string(200, 's')}}).ok());
  CHECK(parse({{"status", "done"}}).error().violations[0].message ==
        "Input should be 'all', 'pending' or 'completed'");
}
