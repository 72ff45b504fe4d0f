#pragma once
// Small helpers for statements prepared once per connection and bound to
// the members of the struct that owns them (see shared::db::Lease::cached).

#include <optional>
#include <string>

#include <soci/soci.h>

#include "shared/db/lease.hpp"
#include "shared/time/timestamp.hpp"

namespace task::adapters::postgres {

// A nullable parameter: its value and its indicator, bound together.
template <class T>
struct Param {
  T value{};
  soci::indicator indicator = soci::i_null;
  void set(const std::optional<T>& v) {
    indicator = v ? soci::i_ok : soci::i_null;
    if (v) value = *v;
  }
  void bind(soci::statement& s) { s.exchange(soci::use(value, indicator)); }
};

// Prepares `sql` on the lease's connection (named, or unnamed behind a
// transaction-mode pooler: shared/db/statements.hpp) after `bind` has
// exchanged every variable, in placeholder order.
template <class Bind>
void prepare(const shared::db::Lease& lease, soci::statement& statement, const std::string& sql,
             Bind&& bind) {
  bind(statement);
  lease.prepare(statement, sql);
}

// The connection's instance of Statement, prepared on first use.
template <class Statement>
Statement& cached(shared::db::Lease& lease, const std::string& key) {
  return lease.cached<Statement>(key, [](shared::db::Lease& l) { return Statement(l); });
}

// SQL for the timestamptz `placeholder` (int8 epoch microseconds, nullable)
// stands for, computed in integers. `n * interval '1 microsecond'` would go
// through float8 (PostgreSQL has no integer interval product) and lose
// microseconds beyond 2^53 µs, about 285 years from 1970; an interval read
// from the text "n microseconds" holds n as int64, and adding it to a
// timestamptz is int64 addition.
inline std::string timestamptz_from_micros(const std::string& placeholder) {
  return "(timestamptz 'epoch' + CAST(CAST(" + placeholder +
         " AS int8) || ' microseconds' AS interval))";
}

inline std::optional<long long> micros_of(const std::optional<shared::time::Timestamp>& t) {
  if (!t) return std::nullopt;
  return t->time_since_epoch().count();
}

}  // namespace task::adapters::postgres
