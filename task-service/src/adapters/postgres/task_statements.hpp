#pragma once
// The single-task statements, each with the variables it is bound to. The
// owner's id is a parameter of every one: ownership is enforced in SQL.

#include <string>

#include <soci/soci.h>

#include "task/adapters/postgres/statement_support.hpp"
#include "task/adapters/postgres/task_row.hpp"

namespace task::adapters::postgres {

// Inserts unless the owner already holds `limit` tasks: no row then.
struct InsertStatement {
  explicit InsertStatement(shared::db::Lease& lease);
  std::string user_id;
  int limit = 0;
  std::string title;
  Param<std::string> description;
  int completed = 0;
  std::string priority, tags;
  Param<long long> due;
  TaskRow row;
  soci::statement statement;  // after everything it binds
};

struct FindStatement {
  explicit FindStatement(shared::db::Lease& lease);
  long long id = 0;
  std::string user_id;
  TaskRow row;
  soci::statement statement;
};

// Partial update: a null parameter keeps the column; description and due
// date, which may be set to null, have an explicit set_ flag.
struct UpdateStatement {
  explicit UpdateStatement(shared::db::Lease& lease);
  Param<std::string> title;
  int set_description = 0;
  Param<std::string> description;
  Param<int> completed;
  Param<std::string> priority, tags;
  int set_due = 0;
  Param<long long> due;
  long long id = 0;
  std::string user_id;
  TaskRow row;
  soci::statement statement;
};

// Sets completed, or toggles it when the parameter is null, in one statement.
struct SetCompletedStatement {
  explicit SetCompletedStatement(shared::db::Lease& lease);
  Param<int> completed;
  long long id = 0;
  std::string user_id;
  TaskRow row;
  soci::statement statement;
};

struct DeleteStatement {
  explicit DeleteStatement(shared::db::Lease& lease);
  long long id = 0;
  std::string user_id;
  soci::statement statement;
};

}  // namespace task::adapters::postgres
