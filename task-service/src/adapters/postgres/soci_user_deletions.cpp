#include "task/adapters/postgres/soci_user_deletions.hpp"

#include <string>

#include <soci/soci.h>

#include "shared/db/statements.hpp"
#include "task/adapters/postgres/statement_support.hpp"

namespace task::adapters::postgres {
namespace {

using shared::Result;
using shared::db::Lease;

// Requested again (a snapshot repeats every deletion it retains): no change,
// so a done request stays done.
const char* const kRecordSql =
    "INSERT INTO user_deletions (user_id) VALUES (CAST(:user_id AS uuid)) "
    "ON CONFLICT (user_id) DO NOTHING";
const char* const kPendingSql =
    "SELECT user_id::text FROM user_deletions WHERE completed_at IS NULL "
    "ORDER BY requested_at, user_id";
// Through the (user_id, created_at, id) index; LIMIT bounds the batch.
const char* const kDeleteBatchSql =
    "DELETE FROM tasks WHERE id IN ("
    "SELECT id FROM tasks WHERE user_id = CAST(:user_id AS uuid) LIMIT :limit)";
const char* const kMarkDoneSql =
    "UPDATE user_deletions SET completed_at = now() "
    "WHERE user_id = CAST(:user_id AS uuid) AND completed_at IS NULL";

// One statement bound to a user id (and, for a batch, a limit).
struct UserStatement {
  UserStatement(Lease& lease, const char* sql, bool with_limit) : statement(lease.session()) {
    prepare(lease, statement, sql, [this, with_limit](soci::statement& st) {
      st.exchange(soci::use(user_id));
      if (with_limit) st.exchange(soci::use(limit));
    });
  }
  std::string user_id;
  long long limit = 0;
  soci::statement statement;
};

struct RecordStatement : UserStatement {
  explicit RecordStatement(Lease& lease) : UserStatement(lease, kRecordSql, false) {}
};
struct DeleteBatchStatement : UserStatement {
  explicit DeleteBatchStatement(Lease& lease) : UserStatement(lease, kDeleteBatchSql, true) {}
};
struct MarkDoneStatement : UserStatement {
  explicit MarkDoneStatement(Lease& lease) : UserStatement(lease, kMarkDoneSql, false) {}
};

// Runs a statement that only names the user and returns nothing.
template <class Statement>
Result<void> execute_for(shared::db::ConnectionPool& pool, const std::string& key,
                         const domain::UserId& user) {
  return pool.with_session([&](Lease& lease) -> Result<void> {
    auto& q = cached<Statement>(lease, key);
    q.user_id = user.str();
    q.statement.execute(true);
    return Result<void>::success();
  });
}

}  // namespace

// Each of these gives the same outcome when repeated after a lost
// connection, so the pool may retry once.
Result<void> SociUserDeletions::record(const domain::UserId& user) {
  return execute_for<RecordStatement>(pool_, "user_deletions.record", user);
}

Result<std::vector<domain::UserId>> SociUserDeletions::pending() {
  return pool_.with_session([&](soci::session& session) -> Result<std::vector<domain::UserId>> {
    std::vector<domain::UserId> users;
    shared::db::for_each_row(session, kPendingSql, [&](const soci::row& row) {
      if (auto user = domain::UserId::parse(row.get<std::string>(0))) {
        users.push_back(std::move(*user));
      }
    });
    return users;
  });
}

Result<std::size_t> SociUserDeletions::delete_batch(const domain::UserId& user, std::size_t limit) {
  return pool_.with_session([&](Lease& lease) -> Result<std::size_t> {
    auto& q = cached<DeleteBatchStatement>(lease, "user_deletions.delete_batch");
    q.user_id = user.str();
    q.limit = static_cast<long long>(limit);
    q.statement.execute(true);
    return static_cast<std::size_t>(q.statement.get_affected_rows());
  });
}

Result<void> SociUserDeletions::mark_done(const domain::UserId& user) {
  return execute_for<MarkDoneStatement>(pool_, "user_deletions.mark_done", user);
}

}  // namespace task::adapters::postgres
