// Every validation rule at its limit and one past it, wrong JSON types, and
// malformed requests: each a clear 4xx, never a 5xx.
#include <catch2/catch.hpp>

#include "running_task_service.hpp"

using nlohmann::json;
using task_test::Client;
using task_test::violation;

namespace {
std::string repeat(std::string_view unit, std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += unit;
  return out;
}
json tags_of(std::size_t n) {
  json tags = json::array();
  for (std::size_t i = 0; i < n; ++i) tags.push_back("t" + std::to_string(i));
  return tags;
}
}  // namespace

TEST_CASE("each field at its limit is accepted and one past it is 422", "[http]") {
  task_test::RunningTaskService service;
  const Client client(service.port(), task_test::new_user());
  const auto create = [&](json body) { return client.post("/api/tasks", body); };

  // Titles count code points: 200 four-byte emoji is 800 bytes and fine.
  for (const char* unit : {"a", "é", "日", "😀"}) {
    INFO(unit);
    const auto ok = create({{"title", repeat(unit, 200)}});
    REQUIRE(ok.status == 201);
    CHECK(ok.json()["title"] == repeat(unit, 200));
    CHECK(violation(create({{"title", repeat(unit, 201)}})) == "body.title:string_too_long");
  }
  CHECK(create({{"title", "  " + repeat("x", 200) + "\n"}}).status == 201);  // trimmed first
  CHECK(violation(create({{"title", ""}})) == "body.title:string_too_short");
  CHECK(violation(create({{"title", " \t "}})) == "body.title:string_too_short");
  CHECK(violation(create(json::object())) == "body.title:missing");
  CHECK(violation(create({{"title", nullptr}})) == "body.title:string_type");
  CHECK(violation(create({{"title", 42}})) == "body.title:string_type");

  CHECK(create({{"title", "t"}, {"description", repeat("日", 2000)}}).status == 201);
  CHECK(violation(create({{"title", "t"}, {"description", repeat("日", 2001)}})) ==
        "body.description:string_too_long");
  CHECK(create({{"title", "t"}, {"description", nullptr}}).json()["description"].is_null());
  CHECK(violation(create({{"title", "t"}, {"description", 5}})) == "body.description:string_type");

  CHECK(create({{"title", "t"}, {"tags", tags_of(20)}}).json()["tags"].size() == 20);
  CHECK(violation(create({{"title", "t"}, {"tags", tags_of(21)}})) == "body.tags:too_long");
  CHECK(create({{"title", "t"}, {"tags", {repeat("ü", 50)}}}).status == 201);
  CHECK(violation(create({{"title", "t"}, {"tags", {"ok", repeat("ü", 51)}}})) ==
        "body.tags.1#:string_too_long");
  CHECK(violation(create({{"title", "t"}, {"tags", {" "}}})) == "body.tags.0#:string_too_short");
  CHECK(violation(create({{"title", "t"}, {"tags", "home"}})) == "body.tags:list_type");
  CHECK(violation(create({{"title", "t"}, {"tags", {"a", 1}}})) == "body.tags.1#:string_type");
  CHECK(create({{"title", "t"}, {"tags", {" a", "a ", "b", "a"}}}).json()["tags"] ==
        json({"a", "b"}));

  for (const char* priority : {"low", "medium", "high"}) {
    CHECK(create({{"title", "t"}, {"priority", priority}}).json()["priority"] == priority);
  }
  CHECK(violation(create({{"title", "t"}, {"priority", "urgent"}})) == "body.priority:enum");
  CHECK(violation(create({{"title", "t"}, {"priority", "HIGH"}})) == "body.priority:enum");
  CHECK(violation(create({{"title", "t"}, {"priority", nullptr}})) == "body.priority:enum");

  CHECK(create({{"title", "t"}, {"completed", true}}).json()["completed"] == true);
  CHECK(violation(create({{"title", "t"}, {"completed", "true"}})) == "body.completed:bool_type");
  CHECK(violation(create({{"title", "t"}, {"completed", 1}})) == "body.completed:bool_type");

  CHECK(create({{"title", "t"}, {"due_date", "2026-12-01"}}).json()["due_date"] ==
        "2026-12-01T00:00:00Z");
  CHECK(
      create({{"title", "t"}, {"due_date", "2026-12-01T10:00:00.250-02:30"}}).json()["due_date"] ==
      "2026-12-01T12:30:00.250000Z");
  CHECK(violation(create({{"title", "t"}, {"due_date", "2026-02-30"}})) ==
        "body.due_date:datetime_parsing");
  CHECK(violation(create({{"title", "t"}, {"due_date", "next week"}})) ==
        "body.due_date:datetime_parsing");
  CHECK(violation(create({{"title", "t"}, {"due_date", 1700000000}})) ==
        "body.due_date:datetime_type");
}

TEST_CASE("due dates far from 1970 come back exactly, through every endpoint", "[http]") {
  task_test::RunningTaskService service;
  const Client client(service.port(), task_test::new_user());
  // The values a double between the HTTP layer and PostgreSQL would change.
  for (const char* due :
       {"9999-12-31T23:59:59.999999Z", "2500-01-01T00:00:00.000001Z", "1000-06-15T12:00:00.999900Z",
        "0001-01-01T00:00:00Z", "0001-01-01T00:00:00.000001Z", "7777-07-07T07:07:07.777777Z"}) {
    INFO(due);
    const auto created = client.create({{"title", "far"}, {"due_date", due}});
    CHECK(created["due_date"] == due);
    const std::string path = "/api/tasks/" + std::to_string(created["id"].get<long long>());
    CHECK(client.get(path).json()["due_date"] == due);
    const std::string at = std::string("due_before=") + due + "&due_after=" + due;
    const auto listed = client.get("/api/tasks?" + at).json();
    REQUIRE(listed.size() == 1);
    CHECK(listed[0]["id"] == created["id"]);
    CHECK(listed[0]["due_date"] == due);
    const auto patched = client.patch(path, {{"due_date", due}});
    REQUIRE(patched.status == 200);
    CHECK(patched.json()["due_date"] == due);
    CHECK(client.del(path).status == 204);
  }
  // Outside years 0001-9999 once in UTC (directly, by offset or by rounding).
  for (const char* outside :
       {"9999-12-31T23:59:59.9999995Z", "9999-12-31T12:00:00-14:00", "0001-01-01T00:00:00+00:01",
        "10000-01-01T00:00:00Z", "0000-12-31T00:00:00Z"}) {
    INFO(outside);
    CHECK(violation(client.post("/api/tasks", {{"title", "t"}, {"due_date", outside}})) ==
          "body.due_date:datetime_parsing");
    std::string query = outside;
    if (auto plus = query.find('+'); plus != std::string::npos) query.replace(plus, 1, "%2B");
    CHECK(violation(client.get("/api/tasks?due_before=" + query)) ==
          "query.due_before:datetime_parsing");
  }
}

TEST_CASE("several invalid fields are reported together", "[http]") {
  task_test::RunningTaskService service;
  const Client client(service.port(), task_test::new_user());
  const auto response = client.post(
      "/api/tasks", {{"title", 1}, {"priority", "x"}, {"tags", {""}}, {"completed", 2}});
  REQUIRE(response.status == 422);
  const auto detail = response.json()["detail"];
  CHECK(detail.size() == 4);
  for (const auto& item : detail) {
    CHECK(item["loc"][0] == "body");
    CHECK(item["msg"].is_string());
    CHECK(item["type"].is_string());
  }
}

TEST_CASE("malformed requests get 400, 413, 415 or 422, never a 5xx", "[http]") {
  task_test::RunningTaskService service({.max_body_bytes = "16384"});
  const Client client(service.port(), task_test::new_user());
  const test::Headers json_type = {{"Content-Type", "application/json"}};
  CHECK(client.raw("POST", "/api/tasks", "{\"title\":", json_type).status == 400);
  CHECK(client.raw("POST", "/api/tasks", "[1,2]", json_type).status == 400);
  CHECK(client.raw("POST", "/api/tasks", "\"title\"", json_type).status == 400);
  CHECK(client
            .raw("POST", "/api/tasks", "title=x",
                 {{"Content-Type", "application/x-www-form-urlencoded"}})
            .status == 415);
  CHECK(violation(client.raw("POST", "/api/tasks", "", json_type)) == "body:missing");
  const auto oversize = client.raw(
      "POST", "/api/tasks", json({{"title", "t"}, {"description", std::string(20000, 'x')}}).dump(),
      json_type);
  CHECK(oversize.status == 413);
  CHECK(client.raw("POST", "/api/tasks", "{\"title\":\"a\\u0000b\"}", json_type).status == 422);

  const auto task = client.create({{"title", "t"}});
  CHECK(client.raw("PUT", "/api/tasks/" + task["id"].dump(), "{oops", json_type).status == 400);
  CHECK(client.raw("PATCH", "/api/tasks/" + task["id"].dump() + "/complete", "nope", json_type)
            .status == 400);

  // FastAPI's `id: int`: non-integers and out-of-range values are 422 on the
  // path; 0 and negative numbers are integers that match no task: 404.
  for (const char* id :
       {"abc", "1.5", "1e3", "99999999999999999999", "-99999999999999999999", "%20", "0x10"}) {
    INFO(id);
    const std::string path = std::string("/api/tasks/") + id;
    CHECK(violation(client.get(path)).rfind("path.id:", 0) == 0);
    CHECK(violation(client.put(path, {{"title", "x"}})).rfind("path.id:", 0) == 0);
    CHECK(violation(client.del(path)).rfind("path.id:", 0) == 0);
    CHECK(violation(client.raw("PATCH", path + "/complete", {})).rfind("path.id:", 0) == 0);
  }
  for (const char* id : {"0", "-1", "9223372036854775807"}) {
    INFO(id);
    CHECK(client.get(std::string("/api/tasks/") + id).status == 404);
    CHECK(client.del(std::string("/api/tasks/") + id).status == 404);
  }
  CHECK(client.get("/api/tasks/" + task["id"].dump()).status == 200);  // still serving
}
