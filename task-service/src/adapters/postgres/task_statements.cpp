#include "task/adapters/postgres/task_statements.hpp"

namespace task::adapters::postgres {
namespace {

// SOCI's parser reads `:name::type` as two parameters, hence CAST(:name AS type).
//
// The quota and the insert in one statement (migration 0004). `slot` takes
// the lock of the owner's task_counts row (creating it at 0 for a first
// task) and yields a row only while the count is under the limit; the task
// is inserted from that row, so none when the limit is reached, and the
// trigger on tasks then adds it to the count. A second create of the same
// owner waits for the row lock and, once the first commits, checks the
// WHERE again against the count the first left (ON CONFLICT DO UPDATE
// always sees the newest version of the row): two creates at the limit
// cannot both pass. The update writes the count unchanged: it is there for
// the lock and the check, the trigger counts.
const std::string kInsertSql = std::string(R"(
WITH slot AS (
  INSERT INTO task_counts AS c (user_id, tasks) VALUES (CAST(:user_id AS uuid), 0)
  ON CONFLICT (user_id) DO UPDATE SET tasks = c.tasks WHERE c.tasks < CAST(:limit AS integer)
  RETURNING user_id)
INSERT INTO tasks (user_id, title, description, completed, priority, tags, due_date)
SELECT user_id, :title, :description, CAST(:completed AS boolean), :priority,
       CAST(:tags AS text[]), )") +
                               timestamptz_from_micros(":due") + " FROM slot RETURNING " +
                               kTaskColumns;

const std::string kFindSql = std::string("SELECT ") + kTaskColumns +
                             " FROM tasks WHERE id = :id AND user_id = CAST(:user_id AS uuid)";

// Non-nullable fields: a NULL parameter keeps the value. Nullable ones
// (description, due_date) carry a flag, since NULL is a value they can take.
const std::string kUpdateSql = std::string(R"(
UPDATE tasks SET
  title = COALESCE(:title, title),
  description = CASE WHEN CAST(:set_description AS boolean) THEN :description ELSE description END,
  completed = COALESCE(CAST(:completed AS boolean), completed),
  priority = COALESCE(:priority, priority),
  tags = COALESCE(CAST(:tags AS text[]), tags),
  due_date = CASE WHEN CAST(:set_due AS boolean) THEN )") +
                               timestamptz_from_micros(":due") + R"( ELSE due_date END,
  updated_at = now()
WHERE id = :id AND user_id = CAST(:user_id AS uuid)
RETURNING )" + kTaskColumns;

// One statement, so two concurrent toggles never read the same state.
const std::string kSetCompletedSql = std::string(R"(
UPDATE tasks SET completed = COALESCE(CAST(:completed AS boolean), NOT completed), updated_at = now()
WHERE id = :id AND user_id = CAST(:user_id AS uuid)
RETURNING )") + kTaskColumns;

const char* const kDeleteSql =
    "DELETE FROM tasks WHERE id = :id AND user_id = CAST(:user_id AS uuid)";

}  // namespace

InsertStatement::InsertStatement(shared::db::Lease& lease) : statement(lease.session()) {
  prepare(lease, statement, kInsertSql, [this](soci::statement& st) {
    st.exchange(soci::use(user_id));
    st.exchange(soci::use(limit));
    st.exchange(soci::use(title));
    description.bind(st);
    st.exchange(soci::use(completed));
    st.exchange(soci::use(priority));
    st.exchange(soci::use(tags));
    due.bind(st);
    row.bind(st);
  });
}

FindStatement::FindStatement(shared::db::Lease& lease) : statement(lease.session()) {
  prepare(lease, statement, kFindSql, [this](soci::statement& st) {
    st.exchange(soci::use(id));
    st.exchange(soci::use(user_id));
    row.bind(st);
  });
}

UpdateStatement::UpdateStatement(shared::db::Lease& lease) : statement(lease.session()) {
  prepare(lease, statement, kUpdateSql, [this](soci::statement& st) {
    title.bind(st);
    st.exchange(soci::use(set_description));
    description.bind(st);
    completed.bind(st);
    priority.bind(st);
    tags.bind(st);
    st.exchange(soci::use(set_due));
    due.bind(st);
    st.exchange(soci::use(id));
    st.exchange(soci::use(user_id));
    row.bind(st);
  });
}

SetCompletedStatement::SetCompletedStatement(shared::db::Lease& lease)
    : statement(lease.session()) {
  prepare(lease, statement, kSetCompletedSql, [this](soci::statement& st) {
    completed.bind(st);
    st.exchange(soci::use(id));
    st.exchange(soci::use(user_id));
    row.bind(st);
  });
}

DeleteStatement::DeleteStatement(shared::db::Lease& lease) : statement(lease.session()) {
  prepare(lease, statement, kDeleteSql, [this](soci::statement& st) {
    st.exchange(soci::use(id));
    st.exchange(soci::use(user_id));
  });
}

}  // namespace task::adapters::postgres
