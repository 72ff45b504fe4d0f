// The TaskRepository contract: see task_repository_contract.hpp.
#include "contract/task_repository_contract.hpp"

#include <algorithm>
#include <set>

#include <catch2/catch.hpp>

using namespace task::domain;
using task_contract::draft;
using task_contract::random_user;
using task_contract::titled;

namespace {

Task create(TaskRepository& repo, const UserId& owner, const NewTask& task) {
  auto created = repo.create(owner, task, task_contract::kNoLimit);
  REQUIRE(created.ok());
  REQUIRE(created->has_value());
  return std::move(**created);
}

Page<Task> list(TaskRepository& repo, const UserId& owner, const TaskQuery& query = {}) {
  auto page = repo.list(owner, query);
  REQUIRE(page.ok());
  return std::move(page).value();
}

std::vector<TaskId> ids(const Page<Task>& page) {
  std::vector<TaskId> out;
  for (const auto& task : page.items) out.push_back(task.id);
  return out;
}

std::optional<Task> find(TaskRepository& repo, const UserId& owner, TaskId id) {
  auto found = repo.find(owner, id);
  REQUIRE(found.ok());
  return std::move(found).value();
}

TaskQuery sorted(SortKey key, SortOrder order) {
  TaskQuery query;
  query.sort = key;
  query.order = order;
  query.limit = 100;
  return query;
}

}  // namespace

TEST_CASE("contract: create assigns an id, the owner and equal timestamps", "[contract]") {
  auto repo = task_contract::make_repository_under_test();
  const auto owner = random_user();
  const auto task = create(*repo, owner,
                           draft()
                               .title("Buy milk")
                               .description("2 litres")
                               .completed(true)
                               .priority("high")
                               .tags({"home", "errands"})
                               .due("2026-12-01T17:00:00.123456+02:00")
                               .new_task());
  CHECK(task.id > 0);
  CHECK(task.user_id == owner);
  CHECK(task.title == "Buy milk");
  CHECK(task.description == "2 litres");
  CHECK(task.completed);
  CHECK(task.priority == Priority::kHigh);
  CHECK(task.tags == std::vector<std::string>{"home", "errands"});
  CHECK(shared::time::format_rfc3339(*task.due_date) == "2026-12-01T15:00:00.123456Z");
  CHECK(task.created_at == task.updated_at);
  CHECK(find(*repo, owner, task.id) == task);

  const auto plain = create(*repo, owner, titled("plain"));
  CHECK(plain.id > task.id);
  CHECK_FALSE(plain.description);
  CHECK_FALSE(plain.due_date);
  CHECK(plain.tags.empty());
  CHECK(plain.priority == Priority::kMedium);
  CHECK(plain.created_at > task.created_at);
}

TEST_CASE("contract: any character in tags, title and description comes back unchanged",
          "[contract]") {
  auto repo = task_contract::make_repository_under_test();
  const auto owner = random_user();
  const std::vector<std::string> tags = {"a,b", "\"quoted\"", "{braces}", "back\\slash",
                                         "😀",   "NULL",       "it's",     "in ner",
                                         "[1]", "$1",         "%_",       "tab\tin"};
  const std::string text = "line1\nline2 'q' \"dq\" \\ {x} 日本語 😀 %_ \x01";
  const auto task =
      create(*repo, owner, draft().title(text).description(text).tags(tags).new_task());
  const auto found = find(*repo, owner, task.id);
  REQUIRE(found);
  CHECK(found->tags == tags);
  CHECK(found->title == task.title);
  CHECK(found->description == text);
  CHECK(found == task);
}

TEST_CASE("contract: another user's task behaves exactly like a missing one", "[contract]") {
  auto repo = task_contract::make_repository_under_test();
  const auto alice = random_user();
  const auto bob = random_user();
  const auto task = create(*repo, alice, titled("Alice's"));

  CHECK_FALSE(find(*repo, bob, task.id));
  CHECK_FALSE(find(*repo, bob, task.id + 1000000));
  auto updated = repo->update(bob, task.id, draft().title("hacked").changes());
  REQUIRE(updated.ok());
  CHECK_FALSE(updated->has_value());
  auto toggled = repo->set_completed(bob, task.id, std::nullopt);
  REQUIRE(toggled.ok());
  CHECK_FALSE(toggled->has_value());
  auto removed = repo->remove(bob, task.id);
  REQUIRE(removed.ok());
  CHECK_FALSE(*removed);
  CHECK(list(*repo, bob).total == 0);
  CHECK(list(*repo, bob).items.empty());

  CHECK(find(*repo, alice, task.id) == task);  // unchanged
  CHECK(list(*repo, alice).total == 1);
}

TEST_CASE("contract: update changes only the fields present and bumps updated_at", "[contract]") {
  auto repo = task_contract::make_repository_under_test();
  const auto owner = random_user();
  const auto task = create(
      *repo, owner,
      draft().title("t").description("d").priority("low").tags({"x"}).due("2026-01-01").new_task());

  auto renamed = repo->update(owner, task.id, draft().title("renamed").changes());
  REQUIRE(renamed.ok());
  REQUIRE(renamed->has_value());
  const Task& after = **renamed;
  CHECK(after.title == "renamed");
  CHECK(after.description == "d");
  CHECK(after.priority == Priority::kLow);
  CHECK(after.tags == task.tags);
  CHECK(after.due_date == task.due_date);
  CHECK(after.created_at == task.created_at);
  CHECK(after.updated_at > task.updated_at);
  CHECK(find(*repo, owner, task.id) == after);

  auto everything = repo->update(owner, task.id,
                                 draft()
                                     .description(std::nullopt)
                                     .due(std::nullopt)
                                     .completed(true)
                                     .priority("high")
                                     .tags({})
                                     .changes());
  REQUIRE(everything.ok());
  REQUIRE(everything->has_value());
  CHECK_FALSE((*everything)->description);
  CHECK_FALSE((*everything)->due_date);
  CHECK((*everything)->completed);
  CHECK((*everything)->priority == Priority::kHigh);
  CHECK((*everything)->tags.empty());
  CHECK((*everything)->title == "renamed");

  auto nothing = repo->update(owner, task.id, draft().changes());
  REQUIRE(nothing.ok());
  REQUIRE(nothing->has_value());
  CHECK((*nothing)->updated_at > (*everything)->updated_at);
  CHECK((*nothing)->title == "renamed");
}

namespace {

// What a client may send as due_date and what must come back, exactly: the
// ends of the accepted range, leap days, ±14:00 offsets and every number of
// fractional digits (beyond 6 rounded to the microsecond).
const std::pair<const char*, const char*> kEdgeDueDates[] = {
    {"0001-01-01T00:00:00Z", "0001-01-01T00:00:00Z"},
    {"0001-01-01", "0001-01-01T00:00:00Z"},
    {"0001-01-01T00:00:00.000001Z", "0001-01-01T00:00:00.000001Z"},
    {"0001-01-01T14:00:00+14:00", "0001-01-01T00:00:00Z"},
    {"9999-12-31T23:59:59.999999Z", "9999-12-31T23:59:59.999999Z"},
    {"9999-12-31T09:59:59.999999-14:00", "9999-12-31T23:59:59.999999Z"},
    {"9999-12-31T23:59:59.9999994Z", "9999-12-31T23:59:59.999999Z"},
    {"2500-01-01T00:00:00.000001Z", "2500-01-01T00:00:00.000001Z"},
    {"1000-06-15T12:00:00.9999Z", "1000-06-15T12:00:00.999900Z"},
    {"1969-12-31T23:59:59.999999Z", "1969-12-31T23:59:59.999999Z"},
    {"1600-02-29T23:59:59.999999Z", "1600-02-29T23:59:59.999999Z"},
    {"2000-02-29T00:00:00Z", "2000-02-29T00:00:00Z"},
    {"2024-02-29", "2024-02-29T00:00:00Z"},
    {"2026-01-01T00:00:00+14:00", "2025-12-31T10:00:00Z"},
    {"2026-01-01T00:00:00-14:00", "2026-01-01T14:00:00Z"},
    {"2026-03-01T00:00:00.1Z", "2026-03-01T00:00:00.100000Z"},
    {"2026-03-01T00:00:00.12Z", "2026-03-01T00:00:00.120000Z"},
    {"2026-03-01T00:00:00.123Z", "2026-03-01T00:00:00.123000Z"},
    {"2026-03-01T00:00:00.1234Z", "2026-03-01T00:00:00.123400Z"},
    {"2026-03-01T00:00:00.12345Z", "2026-03-01T00:00:00.123450Z"},
    {"2026-03-01T00:00:00.123456Z", "2026-03-01T00:00:00.123456Z"},
    {"2026-03-01T00:00:00.1234565Z", "2026-03-01T00:00:00.123457Z"},
    {"2026-03-01T00:00:00.12345649Z", "2026-03-01T00:00:00.123456Z"},
    {"2026-03-01T23:59:59.999999999Z", "2026-03-02T00:00:00Z"},
    {"8000-07-04T04:05:06.654321Z", "8000-07-04T04:05:06.654321Z"},
};

}  // namespace

TEST_CASE("contract: due dates round-trip exactly across the whole accepted range", "[contract]") {
  auto repo = task_contract::make_repository_under_test();
  for (const auto& [sent, expected] : kEdgeDueDates) {
    INFO("due_date " << sent);
    const auto owner = random_user();
    const auto task = create(*repo, owner, draft().title("edge").due(sent).new_task());
    REQUIRE(task.due_date);
    CHECK(shared::time::format_rfc3339(*task.due_date) == expected);
    CHECK(find(*repo, owner, task.id) == task);

    // The filters are inclusive at exactly that instant, and a microsecond
    // past it on either side excludes the task.
    const shared::time::Timestamp due = *task.due_date;
    const auto one = std::chrono::microseconds(1);
    CHECK(ids(list(*repo, owner, [&] {
            TaskQuery q;
            q.due_before = due;
            q.due_after = due;
            return q;
          }())) == std::vector<TaskId>{task.id});
    CHECK(list(*repo, owner,
               [&] {
                 TaskQuery q;
                 q.due_before = due - one;
                 return q;
               }())
              .items.empty());
    CHECK(list(*repo, owner,
               [&] {
                 TaskQuery q;
                 q.due_after = due + one;
                 return q;
               }())
              .items.empty());
    const auto listed = list(*repo, owner);
    REQUIRE(listed.items.size() == 1);
    CHECK(listed.items[0].due_date == task.due_date);

    // What a client read, sent back unchanged, changes nothing.
    auto sent_back = repo->update(owner, task.id, draft().due(expected).changes());
    REQUIRE(sent_back.ok());
    REQUIRE(sent_back->has_value());
    CHECK((*sent_back)->due_date == task.due_date);
  }
}

TEST_CASE("contract: completion toggles or is set", "[contract]") {
  auto repo = task_contract::make_repository_under_test();
  const auto owner = random_user();
  const auto task = create(*repo, owner, titled("t"));
  auto toggled = repo->set_completed(owner, task.id, std::nullopt);
  REQUIRE(toggled.ok());
  CHECK((*toggled)->completed);
  CHECK((*toggled)->updated_at > task.updated_at);
  CHECK_FALSE((*repo->set_completed(owner, task.id, std::nullopt))->completed);
  CHECK((*repo->set_completed(owner, task.id, true))->completed);
  CHECK((*repo->set_completed(owner, task.id, true))->completed);
  CHECK_FALSE((*repo->set_completed(owner, task.id, false))->completed);
  CHECK_FALSE((*repo->set_completed(owner, task.id + 1000000, true)).has_value());
}

TEST_CASE("contract: remove deletes once", "[contract]") {
  auto repo = task_contract::make_repository_under_test();
  const auto owner = random_user();
  const auto task = create(*repo, owner, titled("t"));
  CHECK(*repo->remove(owner, task.id));
  CHECK_FALSE(*repo->remove(owner, task.id));
  CHECK_FALSE(find(*repo, owner, task.id));
  CHECK(list(*repo, owner).total == 0);
}

TEST_CASE("contract: the default listing is newest first, paged, with the total", "[contract]") {
  auto repo = task_contract::make_repository_under_test();
  const auto owner = random_user();
  create(*repo, random_user(), titled("someone else's"));
  std::vector<TaskId> created;
  for (int i = 0; i < 7; ++i)
    created.push_back(create(*repo, owner, titled("t" + std::to_string(i))).id);
  std::reverse(created.begin(), created.end());

  const auto all = list(*repo, owner);
  CHECK(all.total == 7);
  CHECK(ids(all) == created);

  std::vector<TaskId> paged;
  for (std::int64_t offset = 0; offset < 7; offset += 3) {
    TaskQuery query;
    query.limit = 3;
    query.offset = offset;
    const auto page = list(*repo, owner, query);
    CHECK(page.total == 7);
    CHECK(page.items.size() == static_cast<std::size_t>(std::min<std::int64_t>(3, 7 - offset)));
    for (const auto id : ids(page)) paged.push_back(id);
  }
  CHECK(paged == created);

  TaskQuery beyond;
  beyond.offset = 50;
  const auto empty = list(*repo, owner, beyond);
  CHECK(empty.items.empty());
  CHECK(empty.total == 7);
}

TEST_CASE("contract: filters, alone and combined", "[contract]") {
  auto repo = task_contract::make_repository_under_test();
  const auto owner = random_user();
  const auto a = create(*repo, owner,
                        draft()
                            .title("Buy MILK")
                            .priority("high")
                            .tags({"home", "shop"})
                            .due("2026-01-10")
                            .new_task());
  const auto b = create(*repo, owner,
                        draft()
                            .title("Call mum")
                            .description("about the milk run")
                            .completed(true)
                            .tags({"family"})
                            .due("2026-02-10")
                            .new_task());
  const auto c = create(
      *repo, owner, draft().title("50% off_sale \\o/").priority("low").tags({"shop"}).new_task());
  const auto d = create(*repo, owner, draft().title("5000 offXsale").priority("low").new_task());

  auto matching = [&](auto&& tweak) {
    TaskQuery query;
    tweak(query);
    auto page = list(*repo, owner, query);
    auto found = ids(page);
    CHECK(page.total == static_cast<std::int64_t>(found.size()));
    std::sort(found.begin(), found.end());
    return found;
  };
  using Ids = std::vector<TaskId>;
  CHECK(matching([](TaskQuery& q) { q.status = StatusFilter::kCompleted; }) == Ids{b.id});
  CHECK(matching([](TaskQuery& q) { q.status = StatusFilter::kPending; }) == Ids{a.id, c.id, d.id});
  CHECK(matching([](TaskQuery& q) { q.priority = Priority::kLow; }) == Ids{c.id, d.id});
  CHECK(matching([](TaskQuery& q) { q.priority = Priority::kMedium; }) == Ids{b.id});
  CHECK(matching([](TaskQuery& q) { q.tag = "shop"; }) == Ids{a.id, c.id});
  CHECK(matching([](TaskQuery& q) { q.tag = "sho"; }) == Ids{});
  CHECK(matching([](TaskQuery& q) { q.search = "milk"; }) == Ids{a.id, b.id});
  CHECK(matching([](TaskQuery& q) { q.search = "MiLk"; }) == Ids{a.id, b.id});
  CHECK(matching([](TaskQuery& q) { q.search = "50%"; }) == Ids{c.id});
  CHECK(matching([](TaskQuery& q) { q.search = "0% off_"; }) == Ids{c.id});
  CHECK(matching([](TaskQuery& q) { q.search = "%"; }) == Ids{c.id});
  CHECK(matching([](TaskQuery& q) { q.search = "_"; }) == Ids{c.id});
  CHECK(matching([](TaskQuery& q) { q.search = "\\"; }) == Ids{c.id});
  CHECK(matching([](TaskQuery& q) { q.search = "\\o/"; }) == Ids{c.id});
  CHECK(matching([](TaskQuery& q) { q.search = ""; }) == Ids{a.id, b.id, c.id, d.id});
  const auto jan10 = *shared::time::parse_date_or_datetime("2026-01-10");
  CHECK(matching([&](TaskQuery& q) { q.due_before = jan10; }) == Ids{a.id});  // inclusive
  CHECK(matching([&](TaskQuery& q) { q.due_after = jan10; }) == Ids{a.id, b.id});
  CHECK(matching([&](TaskQuery& q) { q.due_after = jan10 + std::chrono::microseconds(1); }) ==
        Ids{b.id});
  CHECK(matching([&](TaskQuery& q) {
          q.due_before = *shared::time::parse_date_or_datetime("2030-01-01");
        }) == Ids{a.id, b.id});
  CHECK(matching([&](TaskQuery& q) {
          q.status = StatusFilter::kPending;
          q.tag = "shop";
          q.priority = Priority::kHigh;
          q.search = "buy";
          q.due_after = *shared::time::parse_date_or_datetime("2026-01-01");
          q.due_before = *shared::time::parse_date_or_datetime("2026-12-31");
        }) == Ids{a.id});
  CHECK(matching([&](TaskQuery& q) {
          q.tag = "shop";
          q.priority = Priority::kMedium;
        }) == Ids{});
}

TEST_CASE("contract: sort orders, ties broken by id, no due date last", "[contract]") {
  auto repo = task_contract::make_repository_under_test();
  const auto owner = random_user();
  const auto t1 =
      create(*repo, owner, draft().title("b").priority("low").due("2026-03-01").new_task());
  const auto t2 = create(*repo, owner, draft().title("a").priority("high").new_task());
  const auto t3 =
      create(*repo, owner, draft().title("B").priority("medium").due("2026-01-01").new_task());
  const auto t4 =
      create(*repo, owner, draft().title("b").priority("high").due("2026-03-01").new_task());
  const auto t5 = create(*repo, owner, draft().title("é").priority("low").new_task());
  using Ids = std::vector<TaskId>;

  CHECK(ids(list(*repo, owner, sorted(SortKey::kCreatedAt, SortOrder::kAsc))) ==
        Ids{t1.id, t2.id, t3.id, t4.id, t5.id});
  CHECK(ids(list(*repo, owner, sorted(SortKey::kDueDate, SortOrder::kAsc))) ==
        Ids{t3.id, t1.id, t4.id, t2.id, t5.id});
  CHECK(ids(list(*repo, owner, sorted(SortKey::kDueDate, SortOrder::kDesc))) ==
        Ids{t4.id, t1.id, t3.id, t5.id, t2.id});
  CHECK(ids(list(*repo, owner, sorted(SortKey::kPriority, SortOrder::kDesc))) ==
        Ids{t4.id, t2.id, t3.id, t5.id, t1.id});
  CHECK(ids(list(*repo, owner, sorted(SortKey::kPriority, SortOrder::kAsc))) ==
        Ids{t1.id, t5.id, t3.id, t2.id, t4.id});
  // Titles by code point: "B" < "a" < "b" < "é".
  CHECK(ids(list(*repo, owner, sorted(SortKey::kTitle, SortOrder::kAsc))) ==
        Ids{t3.id, t2.id, t1.id, t4.id, t5.id});
  CHECK(ids(list(*repo, owner, sorted(SortKey::kTitle, SortOrder::kDesc))) ==
        Ids{t5.id, t4.id, t1.id, t2.id, t3.id});

  REQUIRE(repo->set_completed(owner, t2.id, true).ok());
  REQUIRE(repo->update(owner, t1.id, draft().title("b2").changes()).ok());
  CHECK(ids(list(*repo, owner, sorted(SortKey::kUpdatedAt, SortOrder::kDesc))) ==
        Ids{t1.id, t2.id, t5.id, t4.id, t3.id});
}
