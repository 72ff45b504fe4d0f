// GET /api/tasks: each query parameter alone and combined, sort orders with
// ties, paging that covers every task once, X-Total-Count, and 422s.
#include <algorithm>
#include <set>

#include <catch2/catch.hpp>

#include "running_task_service.hpp"

using nlohmann::json;
using task_test::Client;
using task_test::violation;

namespace {

std::vector<std::int64_t> ids(const test::HttpResponse& response) {
  INFO(response.body);
  REQUIRE(response.status == 200);
  std::vector<std::int64_t> out;
  for (const auto& task : response.json()) out.push_back(task["id"].get<std::int64_t>());
  return out;
}

std::vector<std::int64_t> sorted_ids(const test::HttpResponse& response) {
  auto out = ids(response);
  std::sort(out.begin(), out.end());
  CHECK(response.header("x-total-count") == std::to_string(out.size()));
  return out;
}

}  // namespace

TEST_CASE("each filter alone and combined", "[http]") {
  task_test::RunningTaskService service;
  const Client client(service.port(), task_test::new_user());
  const Client other(service.port(), task_test::new_user());
  other.create({{"title", "milk of someone else"}, {"tags", {"shop"}}});
  const auto a = client.create({{"title", "Buy MILK"},
                                {"priority", "high"},
                                {"tags", {"home", "shop"}},
                                {"due_date", "2026-01-10"}})["id"];
  const auto b = client.create({{"title", "Call mum"},
                                {"description", "about the milk run"},
                                {"completed", true},
                                {"tags", {"family"}},
                                {"due_date", "2026-02-10T12:00:00Z"}})["id"];
  const auto c = client.create(
      {{"title", "50% off_sale \\o/"}, {"priority", "low"}, {"tags", {"shop", "a,b \"c\""}}})["id"];
  const auto d = client.create({{"title", "5000 offXsale"}, {"priority", "low"}})["id"];
  using Ids = std::vector<std::int64_t>;
  const auto q = [&](const std::string& query) {
    return sorted_ids(client.get("/api/tasks?" + query));
  };

  CHECK(q("") == Ids{a, b, c, d});
  CHECK(q("status=all") == Ids{a, b, c, d});
  CHECK(q("status=completed") == Ids{b});
  CHECK(q("status=pending") == Ids{a, c, d});
  CHECK(q("priority=low") == Ids{c, d});
  CHECK(q("priority=high") == Ids{a});
  CHECK(q("tag=shop") == Ids{a, c});
  CHECK(q("tag=%20shop%20") == Ids{a, c});
  CHECK(q("tag=a%2Cb%20%22c%22") == Ids{c});
  CHECK(q("tag=sho") == Ids{});
  CHECK(q("search=milk") == Ids{a, b});
  CHECK(q("search=MiLk") == Ids{a, b});
  CHECK(q("search=50%25") == Ids{c});
  CHECK(q("search=%25") == Ids{c});
  CHECK(q("search=_") == Ids{c});
  CHECK(q("search=%5C") == Ids{c});
  CHECK(q("search=0%25%20off_") == Ids{c});
  CHECK(q("due_before=2026-01-10") == Ids{a});
  CHECK(q("due_before=2026-01-10T00:00:00%2B01:00") == Ids{});
  CHECK(q("due_after=2026-01-10") == Ids{a, b});
  CHECK(q("due_after=2026-01-11") == Ids{b});
  CHECK(q("due_after=2026-01-01&due_before=2026-12-31") == Ids{a, b});
  CHECK(q("status=pending&tag=shop&priority=high&search=buy&due_after=2026-01-01") == Ids{a});
  CHECK(q("tag=shop&priority=low&search=sale") == Ids{c});
  CHECK(q("tag=shop&priority=medium") == Ids{});
  CHECK(q("unknown=ignored&status=completed") == Ids{b});
}

TEST_CASE("sort orders with ties broken by id, and no due date last either way", "[http]") {
  task_test::RunningTaskService service;
  const Client client(service.port(), task_test::new_user());
  const auto t1 =
      client.create({{"title", "b"}, {"priority", "low"}, {"due_date", "2026-03-01"}})["id"];
  const auto t2 = client.create({{"title", "a"}, {"priority", "high"}})["id"];
  const auto t3 = client.create({{"title", "B"}, {"due_date", "2026-01-01"}})["id"];
  const auto t4 =
      client.create({{"title", "b"}, {"priority", "high"}, {"due_date", "2026-03-01"}})["id"];
  const auto t5 = client.create({{"title", "é"}, {"priority", "low"}})["id"];
  using Ids = std::vector<std::int64_t>;
  const auto q = [&](const std::string& query) { return ids(client.get("/api/tasks?" + query)); };

  CHECK(q("") == Ids{t5, t4, t3, t2, t1});
  CHECK(q("sort=created_at&order=asc") == Ids{t1, t2, t3, t4, t5});
  CHECK(q("sort=due_date&order=asc") == Ids{t3, t1, t4, t2, t5});
  CHECK(q("sort=due_date") == Ids{t4, t1, t3, t5, t2});
  CHECK(q("sort=priority") == Ids{t4, t2, t3, t5, t1});
  CHECK(q("sort=priority&order=asc") == Ids{t1, t5, t3, t2, t4});
  CHECK(q("sort=title&order=asc") == Ids{t3, t2, t1, t4, t5});
  CHECK(q("sort=title&order=desc") == Ids{t5, t4, t1, t2, t3});
  REQUIRE(client.raw("PATCH", "/api/tasks/" + t2.dump() + "/complete", {}).status == 200);
  REQUIRE(client.patch("/api/tasks/" + t1.dump(), {{"title", "b2"}}).status == 200);
  CHECK(q("sort=updated_at") == Ids{t1, t2, t5, t4, t3});
  CHECK(q("sort=updated_at&order=asc") == Ids{t3, t4, t5, t2, t1});
}

TEST_CASE("paging covers every task exactly once, with the total on every page", "[http]") {
  task_test::RunningTaskService service;
  const Client client(service.port(), task_test::new_user());
  std::set<std::int64_t> created;
  for (int i = 0; i < 23; ++i) {
    created.insert(client
                       .create({{"title", "task " + std::to_string(i)},
                                {"priority", i % 3 == 0 ? "high" : "low"}})["id"]
                       .get<std::int64_t>());
  }
  for (const std::string sort : {"created_at", "priority", "title", "due_date"}) {
    INFO(sort);
    std::vector<std::int64_t> seen;
    for (int offset = 0; offset < 30; offset += 5) {
      const auto page =
          client.get("/api/tasks?sort=" + sort + "&limit=5&offset=" + std::to_string(offset));
      CHECK(page.header("x-total-count") == "23");
      const auto page_ids = ids(page);
      CHECK(page_ids.size() == static_cast<std::size_t>(std::clamp(23 - offset, 0, 5)));
      seen.insert(seen.end(), page_ids.begin(), page_ids.end());
    }
    CHECK(seen.size() == 23);
    CHECK(std::set<std::int64_t>(seen.begin(), seen.end()) == created);
  }
  CHECK(ids(client.get("/api/tasks")).size() == 23);  // default limit 50
  CHECK(ids(client.get("/api/tasks?limit=1")).size() == 1);
  CHECK(ids(client.get("/api/tasks?limit=100")).size() == 23);
  const auto beyond = client.get("/api/tasks?offset=1000");
  CHECK(beyond.json() == json::array());
  CHECK(beyond.header("x-total-count") == "23");
  const auto beyond_filtered = client.get("/api/tasks?offset=1000&priority=high");
  CHECK(beyond_filtered.header("x-total-count") == "8");
}

TEST_CASE("invalid query values are 422 located at the parameter", "[http]") {
  task_test::RunningTaskService service;
  const Client client(service.port(), task_test::new_user());
  const auto q = [&](const std::string& query) {
    return violation(client.get("/api/tasks?" + query));
  };
  CHECK(q("status=done") == "query.status:enum");
  CHECK(q("priority=urgent") == "query.priority:enum");
  CHECK(q("sort=id") == "query.sort:enum");
  CHECK(q("order=up") == "query.order:enum");
  CHECK(q("limit=0") == "query.limit:greater_than_equal");
  CHECK(q("limit=101") == "query.limit:less_than_equal");
  CHECK(q("limit=ten") == "query.limit:int_parsing");
  CHECK(q("limit=") == "query.limit:int_parsing");
  CHECK(q("offset=-1") == "query.offset:greater_than_equal");
  CHECK(q("offset=1.5") == "query.offset:int_parsing");
  CHECK(q("offset=99999999999999999999") == "query.offset:less_than_equal");
  CHECK(q("due_before=tomorrow") == "query.due_before:datetime_parsing");
  CHECK(q("due_after=2026-13-01") == "query.due_after:datetime_parsing");
  CHECK(q("search=" + std::string(201, 's')) == "query.search:string_too_long");
  CHECK(q("search=%FF") == "query.search:string_unicode");
  CHECK(q("tag=") == "query.tag:string_too_short");
  CHECK(q("tag=" + std::string(51, 't')) == "query.tag:string_too_long");
  CHECK(client.get("/api/tasks?search=" + std::string(200, 's')).status == 200);
  CHECK(client.get("/api/tasks?limit=100&offset=0").status == 200);
  const auto several = client.get("/api/tasks?status=x&limit=0");
  CHECK(several.json()["detail"].size() == 2);
}
