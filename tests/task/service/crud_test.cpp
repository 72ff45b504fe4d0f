// The CRUD lifecycle over HTTP against the real binary and PostgreSQL.
#include <set>

#include <catch2/catch.hpp>

#include "running_task_service.hpp"

using nlohmann::json;
using task_test::Client;

namespace {
const std::set<std::string> kTaskKeys = {"id",         "user_id",   "title", "description",
                                         "completed",  "priority",  "tags",  "due_date",
                                         "created_at", "updated_at"};
std::set<std::string> keys(const json& object) {
  std::set<std::string> out;
  for (const auto& [key, value] : object.items()) out.insert(key);
  return out;
}
}  // namespace

TEST_CASE("create, read, list, update, complete and delete one task", "[http]") {
  task_test::RunningTaskService service;
  const auto user = task_test::new_user();
  const Client client(service.port(), user);

  const auto created = client.post("/api/tasks", {{"title", "  Buy milk "},
                                                  {"tags", {"home", "errands", "home"}},
                                                  {"due_date", "2026-12-01T18:00:00+01:00"},
                                                  {"unknown", "ignored"}});
  REQUIRE(created.status == 201);
  const auto task = created.json();
  const auto id = task["id"].get<std::int64_t>();
  CHECK(created.header("location") == "/api/tasks/" + std::to_string(id));
  CHECK(created.header("content-type") == "application/json; charset=utf-8");
  CHECK(keys(task) == kTaskKeys);
  CHECK(id > 0);
  CHECK(task["user_id"] == user.id);
  CHECK(task["title"] == "Buy milk");
  CHECK(task["description"].is_null());
  CHECK(task["completed"] == false);
  CHECK(task["priority"] == "medium");
  CHECK(task["tags"] == json({"home", "errands"}));
  CHECK(task["due_date"] == "2026-12-01T17:00:00Z");
  CHECK(task["created_at"] == task["updated_at"]);
  CHECK_THAT(task["created_at"].get<std::string>(), Catch::EndsWith("Z"));

  const auto path = "/api/tasks/" + std::to_string(id);
  const auto fetched = client.get(path);
  CHECK(fetched.status == 200);
  CHECK(fetched.json() == task);

  const auto listed = client.get("/api/tasks");
  CHECK(listed.status == 200);
  CHECK(listed.header("x-total-count") == "1");
  CHECK(listed.json() == json::array({task}));

  const auto put = client.put(path, {{"description", "two litres"}, {"priority", "high"}});
  REQUIRE(put.status == 200);
  CHECK(put.json()["description"] == "two litres");
  CHECK(put.json()["priority"] == "high");
  CHECK(put.json()["title"] == "Buy milk");
  CHECK(put.json()["tags"] == task["tags"]);
  CHECK(put.json()["created_at"] == task["created_at"]);
  CHECK(put.json()["updated_at"] != task["updated_at"]);

  const auto patched = client.patch(path, {{"description", nullptr}, {"due_date", nullptr}});
  REQUIRE(patched.status == 200);
  CHECK(patched.json()["description"].is_null());
  CHECK(patched.json()["due_date"].is_null());
  CHECK(patched.json()["priority"] == "high");
  CHECK(patched.json()["updated_at"] != put.json()["updated_at"]);

  const auto toggled = client.raw("PATCH", path + "/complete", {});
  REQUIRE(toggled.status == 200);
  CHECK(toggled.json()["completed"] == true);
  CHECK(client.patch(path + "/complete", json::object()).json()["completed"] == false);
  CHECK(client.patch(path + "/complete", {{"completed", true}}).json()["completed"] == true);
  CHECK(client.patch(path + "/complete", {{"completed", true}}).json()["completed"] == true);
  CHECK(client.patch(path + "/complete", {{"completed", false}}).json()["completed"] == false);
  CHECK(task_test::violation(client.patch(path + "/complete", {{"completed", "yes"}})) ==
        "body.completed:bool_type");

  const auto deleted = client.del(path);
  CHECK(deleted.status == 204);
  CHECK(deleted.body.empty());
  const auto again = client.del(path);
  CHECK(again.status == 404);
  CHECK(again.json() == json({{"detail", "Task not found"}}));
  CHECK(client.get(path).status == 404);
  CHECK(client.put(path, {{"title", "x"}}).status == 404);
  CHECK(client.raw("PATCH", path + "/complete", {}).status == 404);
  CHECK(client.get("/api/tasks").header("x-total-count") == "0");
}

TEST_CASE("PUT and PATCH are both partial, and title may not be null or empty", "[http]") {
  task_test::RunningTaskService service;
  const Client client(service.port(), task_test::new_user());
  const auto task = client.create({{"title", "t"},
                                   {"description", "d"},
                                   {"completed", true},
                                   {"priority", "low"},
                                   {"tags", {"x"}},
                                   {"due_date", "2026-01-01"}});
  const auto path = "/api/tasks/" + task["id"].dump();
  for (const char* method : {"PUT", "PATCH"}) {
    INFO(method);
    const auto empty = client.raw(method, path, "{}", {{"Content-Type", "application/json"}});
    REQUIRE(empty.status == 200);
    auto unchanged = empty.json();
    CHECK(unchanged["updated_at"] != task["updated_at"]);
    unchanged["updated_at"] = task["updated_at"];
    CHECK(unchanged == task);
    CHECK(task_test::violation(client.raw(method, path, R"({"title":null})",
                                          {{"Content-Type", "application/json"}})) ==
          "body.title:string_type");
    CHECK(task_test::violation(client.raw(method, path, R"({"title":"   "})",
                                          {{"Content-Type", "application/json"}})) ==
          "body.title:string_too_short");
    CHECK(task_test::violation(client.raw(method, path, R"({"tags":null})",
                                          {{"Content-Type", "application/json"}})) ==
          "body.tags:list_type");
  }
  const auto renamed = client.patch(path, {{"title", " renamed "}, {"tags", json::array()}});
  CHECK(renamed.json()["title"] == "renamed");
  CHECK(renamed.json()["tags"] == json::array());
  CHECK(renamed.json()["description"] == "d");
  CHECK(client.get(path).json()["title"] == "renamed");
}
