#pragma once
// The listing: the owner's tasks matching the filters, in one of ten orders
// (five keys × two directions), one page of them, and in every row the
// number that matched before paging (count(*) OVER ()), so a page and its
// total take one round trip. Each order is its own prepared statement, so
// every plan knows its ORDER BY; the filters are parameters that are NULL
// when not asked for.

#include <string>
#include <vector>

#include <soci/soci.h>

#include "task/adapters/postgres/statement_support.hpp"
#include "task/adapters/postgres/task_row.hpp"
#include "task/domain/task_query.hpp"

namespace task::adapters::postgres {

// The filter parameters, shared by the listing and the count.
struct ListFilter {
  std::string user_id;
  Param<int> completed;
  Param<std::string> priority;
  Param<std::string> tag;
  Param<std::string> pattern;  // ILIKE pattern, wildcards escaped
  Param<long long> due_before, due_after;

  void set(const std::string& owner, const domain::TaskQuery& query);
  void bind(soci::statement& statement);
};

struct ListStatement {
  ListStatement(shared::db::Lease& lease, domain::SortKey key, domain::SortOrder order);
  // The cache key of the statement for this order.
  static std::string key_for(domain::SortKey key, domain::SortOrder order);

  ListFilter filter;
  long long limit = 0, offset = 0;
  TaskRow row;
  long long total = 0;
  soci::statement statement;
};

// The total alone, for a page past the last row (which carries no count).
struct CountStatement {
  explicit CountStatement(shared::db::Lease& lease);
  ListFilter filter;
  long long total = 0;
  soci::statement statement;
};

}  // namespace task::adapters::postgres
