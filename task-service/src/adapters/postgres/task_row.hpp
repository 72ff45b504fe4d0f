#pragma once
// One row of `tasks` as the statements select it, bound once to a prepared
// statement and converted to a domain Task after each fetch. Timestamps are
// selected as epoch microseconds (SOCI's std::tm would drop the fraction),
// tags as a JSON array (unambiguous for any character).

#include <string>
#include <vector>

#include <soci/soci.h>

#include "task/domain/task.hpp"

namespace task::adapters::postgres {

// The select list every statement returns, in TaskRow::bind order.
inline constexpr const char* kTaskColumns =
    "id, title, description, completed::int, priority, array_to_json(tags)::text, "
    "(extract(epoch FROM due_date) * 1000000)::int8, "
    "(extract(epoch FROM created_at) * 1000000)::int8, "
    "(extract(epoch FROM updated_at) * 1000000)::int8";

struct TaskRow {
  long long id = 0;
  std::string title;
  std::string description;
  soci::indicator description_indicator = soci::i_ok;
  int completed = 0;
  std::string priority;
  std::string tags_json;
  long long due_micros = 0;
  soci::indicator due_indicator = soci::i_ok;
  long long created_micros = 0;
  long long updated_micros = 0;

  // Binds every column above, in kTaskColumns order.
  void bind(soci::statement& statement);
  domain::Task to_task(const domain::UserId& owner) const;
};

// A PostgreSQL array literal ({"a","b\"c"}) holding exactly these strings.
std::string text_array_literal(const std::vector<std::string>& values);
// The pattern for ILIKE that matches `text` as a literal substring.
std::string contains_pattern(std::string_view text);

}  // namespace task::adapters::postgres
