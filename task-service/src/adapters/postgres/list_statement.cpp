#include "task/adapters/postgres/list_statement.hpp"

namespace task::adapters::postgres {
namespace {

using domain::SortKey;
using domain::SortOrder;

// Each filter is "parameter IS NULL OR condition"; SOCI binds by position,
// so a parameter used twice is bound twice (ListFilter::bind).
const std::string kWhere = std::string(R"(
FROM tasks
WHERE user_id = CAST(:user_id AS uuid)
  AND (CAST(:completed AS boolean) IS NULL OR completed = CAST(:completed_again AS boolean))
  AND (CAST(:priority AS text) IS NULL OR priority = CAST(:priority_again AS text))
  AND (CAST(:tag AS text) IS NULL OR tags @> ARRAY[CAST(:tag_again AS text)])
  AND (CAST(:pattern AS text) IS NULL OR title ILIKE CAST(:pattern_title AS text)
       OR description ILIKE CAST(:pattern_description AS text))
  AND (CAST(:due_before AS int8) IS NULL OR due_date <= )") +
                           timestamptz_from_micros(":due_before_again") + R"()
  AND (CAST(:due_after AS int8) IS NULL OR due_date >= )" +
                           timestamptz_from_micros(":due_after_again") + ")\n";

// Titles compare by code point (COLLATE "C"): the same on every server
// whatever its locale, and the same as the in-memory repository.
std::string order_by(SortKey key, SortOrder order) {
  const std::string direction = order == SortOrder::kAsc ? " ASC" : " DESC";
  std::string column;
  switch (key) {
    case SortKey::kUpdatedAt:
      column = "updated_at" + direction;
      break;
    case SortKey::kDueDate:
      column = "due_date" + direction + " NULLS LAST";
      break;
    case SortKey::kPriority:
      column = "CASE priority WHEN 'low' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END" + direction;
      break;
    case SortKey::kTitle:
      column = "title COLLATE \"C\"" + direction;
      break;
    case SortKey::kCreatedAt:
      column = "created_at" + direction;
      break;
  }
  return " ORDER BY " + column + ", id" + direction;
}

}  // namespace

void ListFilter::set(const std::string& owner, const domain::TaskQuery& query) {
  user_id = owner;
  completed.set(query.status == domain::StatusFilter::kAll
                    ? std::nullopt
                    : std::optional<int>(query.status == domain::StatusFilter::kCompleted));
  priority.set(query.priority ? std::optional<std::string>(domain::priority_name(*query.priority))
                              : std::nullopt);
  tag.set(query.tag);
  pattern.set(query.search ? std::optional<std::string>(contains_pattern(*query.search))
                           : std::nullopt);
  due_before.set(micros_of(query.due_before));
  due_after.set(micros_of(query.due_after));
}

void ListFilter::bind(soci::statement& statement) {
  statement.exchange(soci::use(user_id));
  for (auto* p : {&completed, &completed}) p->bind(statement);
  for (auto* p : {&priority, &priority, &tag, &tag, &pattern, &pattern, &pattern}) {
    p->bind(statement);
  }
  for (auto* p : {&due_before, &due_before, &due_after, &due_after}) p->bind(statement);
}

ListStatement::ListStatement(shared::db::Lease& lease, SortKey key, SortOrder order)
    : statement(lease.session()) {
  const std::string sql = std::string("SELECT ") + kTaskColumns + ", count(*) OVER ()" + kWhere +
                          order_by(key, order) + " LIMIT :limit OFFSET :offset";
  prepare(lease, statement, sql, [this](soci::statement& st) {
    filter.bind(st);
    st.exchange(soci::use(limit));
    st.exchange(soci::use(offset));
    row.bind(st);
    st.exchange(soci::into(total));
  });
}

std::string ListStatement::key_for(SortKey key, SortOrder order) {
  return "tasks.list." + std::to_string(static_cast<int>(key)) + "." +
         std::to_string(static_cast<int>(order));
}

CountStatement::CountStatement(shared::db::Lease& lease) : statement(lease.session()) {
  prepare(lease, statement, std::string("SELECT count(*)") + kWhere, [this](soci::statement& st) {
    filter.bind(st);
    st.exchange(soci::into(total));
  });
}

}  // namespace task::adapters::postgres
