// SociTaskRepository::list: see list_statement.hpp for the SQL.
#include "task/adapters/postgres/list_statement.hpp"
#include "task/adapters/postgres/soci_task_repository.hpp"

namespace task::adapters::postgres {

shared::Result<domain::Page<domain::Task>> SociTaskRepository::list(
    const domain::UserId& owner, const domain::TaskQuery& query) {
  return pool_.with_session(
      [&](shared::db::Lease& lease) -> shared::Result<domain::Page<domain::Task>> {
        auto& q = lease.cached<ListStatement>(
            ListStatement::key_for(query.sort, query.order),
            [&](shared::db::Lease& l) { return ListStatement(l, query.sort, query.order); });
        q.filter.set(owner.str(), query);
        q.limit = query.limit;
        q.offset = query.offset;
        domain::Page<domain::Task> page;
        page.items.reserve(static_cast<std::size_t>(query.limit));
        if (q.statement.execute(true)) {
          do {
            page.items.push_back(q.row.to_task(owner));
          } while (q.statement.fetch());
          page.total = q.total;
          return page;
        }
        if (query.offset == 0) return page;  // nothing matched at all
        auto& count = cached<CountStatement>(lease, "tasks.count");
        count.filter.set(owner.str(), query);
        count.statement.execute(true);
        page.total = count.total;
        return page;
      });
}

}  // namespace task::adapters::postgres
