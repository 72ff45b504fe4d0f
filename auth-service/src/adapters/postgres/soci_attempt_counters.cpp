#include "auth/adapters/postgres/soci_attempt_counters.hpp"

#include <stdexcept>
#include <string>

#include <soci/soci.h>

namespace auth::adapters::postgres {
namespace {

using domain::AttemptKey;
using domain::AttemptWindow;
using shared::db::Lease;

// A key's stored form: 32 bytes whatever its length.
constexpr const char* kDigest1 = "sha256(convert_to(CAST(:key1 AS text), 'UTF8'))";
constexpr const char* kDigest2 = "sha256(convert_to(CAST(:key2 AS text), 'UTF8'))";
constexpr const char* kNow =
    "(timestamptz 'epoch' + CAST(:now_us AS bigint) * interval '1 microsecond')";
constexpr const char* kEndsUs = "(extract(epoch FROM window_ends) * 1000000)::bigint";

// A second key is optional: NULL kind and key match nothing and insert nothing.
const std::string kOpenWindowsSql = std::string("SELECT kind, attempts, ") + kEndsUs +
                                    " FROM attempt_counters WHERE window_ends > " + kNow +
                                    " AND (kind, key_digest) IN ((CAST(:kind1 AS smallint), " +
                                    kDigest1 + "), (CAST(:kind2 AS smallint), " + kDigest2 + "))";

// One upsert for both keys: the row lock makes concurrent counts from every
// replica add up, and a window that ended restarts at 1.
const std::string kCountSql =
    std::string("INSERT INTO attempt_counters AS c (kind, key_digest, window_ends, attempts) ") +
    "SELECT v.kind, sha256(convert_to(v.key, 'UTF8')), " + kNow +
    " + CAST(:window_s AS bigint) * interval '1 second', 1 FROM (VALUES (CAST(:kind1 AS smallint), "
    "CAST(:key1 AS text)), (CAST(:kind2 AS smallint), CAST(:key2 AS text))) AS v(kind, key) "
    "WHERE v.key IS NOT NULL ON CONFLICT (kind, key_digest) DO UPDATE SET "
    "attempts = CASE WHEN c.window_ends <= " +
    kNow + " THEN 1 ELSE c.attempts + 1 END, " +
    "window_ends = CASE WHEN c.window_ends <= " + kNow +
    " THEN EXCLUDED.window_ends ELSE c.window_ends END RETURNING kind, attempts, " + kEndsUs;

const std::string kClearSql =
    std::string(
        "DELETE FROM attempt_counters WHERE kind = CAST(:kind1 AS smallint) AND "
        "key_digest = ") +
    kDigest1;

const std::string kPruneSql =
    std::string("DELETE FROM attempt_counters WHERE window_ends <= ") + kNow;

// The two key slots every statement binds, by name.
struct KeySlots {
  void set(std::span<const AttemptKey> keys) {
    if (keys.empty() || keys.size() > 2)
      throw std::logic_error("attempt counters take 1 or 2 keys");
    kind1 = static_cast<int>(keys[0].kind);
    key1 = keys[0].value;
    kind2_indicator = key2_indicator = keys.size() == 2 ? soci::i_ok : soci::i_null;
    if (keys.size() == 2) {
      kind2 = static_cast<int>(keys[1].kind);
      key2 = keys[1].value;
    }
  }
  void bind(soci::statement& statement) {
    statement.exchange(soci::use(kind1, "kind1"));
    statement.exchange(soci::use(key1, "key1"));
    statement.exchange(soci::use(kind2, kind2_indicator, "kind2"));
    statement.exchange(soci::use(key2, key2_indicator, "key2"));
  }
  int kind1 = 0, kind2 = 0;
  std::string key1, key2;
  soci::indicator kind2_indicator = soci::i_null, key2_indicator = soci::i_null;
};

// A window read back: kind, attempts, end in epoch microseconds.
struct WindowRow {
  void bind(soci::statement& statement) {
    statement.exchange(soci::into(kind));
    statement.exchange(soci::into(attempts));
    statement.exchange(soci::into(ends_us));
  }
  AttemptWindow window() const {
    return AttemptWindow{static_cast<domain::AttemptKind>(kind),
                         static_cast<std::uint32_t>(attempts),
                         shared::time::Timestamp(std::chrono::microseconds(ends_us))};
  }
  int kind = 0;
  long long attempts = 0;
  long long ends_us = 0;
};

struct OpenWindowsStatement {
  explicit OpenWindowsStatement(Lease& lease) : statement(lease.session()) {
    keys.bind(statement);
    statement.exchange(soci::use(now_us, "now_us"));
    row.bind(statement);
    lease.prepare(statement, kOpenWindowsSql);
  }
  KeySlots keys;
  long long now_us = 0;
  WindowRow row;
  soci::statement statement;
};

struct CountStatement {
  explicit CountStatement(Lease& lease) : statement(lease.session()) {
    keys.bind(statement);
    statement.exchange(soci::use(now_us, "now_us"));
    statement.exchange(soci::use(window_s, "window_s"));
    row.bind(statement);
    lease.prepare(statement, kCountSql);
  }
  KeySlots keys;
  long long now_us = 0;
  long long window_s = 0;
  WindowRow row;
  soci::statement statement;
};

long long micros(shared::time::Timestamp t) {
  return t.time_since_epoch().count();
}

// Executes a statement whose rows are windows and collects them.
template <class Statement>
std::vector<AttemptWindow> windows_of(Statement& q) {
  std::vector<AttemptWindow> windows;
  if (q.statement.execute(true)) {
    do {
      windows.push_back(q.row.window());
    } while (q.statement.fetch());
  }
  return windows;
}

}  // namespace

SociAttemptCounters::SociAttemptCounters(shared::db::ConnectionPool& pool) : pool_(pool) {}

shared::Result<std::vector<AttemptWindow>> SociAttemptCounters::open_windows(
    std::span<const AttemptKey> keys, shared::time::Timestamp now) {
  return pool_.with_session([&](Lease& lease) -> shared::Result<std::vector<AttemptWindow>> {
    auto& q = lease.cached<OpenWindowsStatement>("auth.attempts.open",
                                                 [](Lease& l) { return OpenWindowsStatement(l); });
    q.keys.set(keys);
    q.now_us = micros(now);
    return windows_of(q);
  });
}

// Never repeated after a lost connection: a count that committed would be
// counted twice; the caller answers 503 instead.
shared::Result<std::vector<AttemptWindow>> SociAttemptCounters::count(
    std::span<const AttemptKey> keys, shared::time::Timestamp now, std::chrono::seconds window) {
  return pool_.with_session(
      shared::db::Retry::never, [&](Lease& lease) -> shared::Result<std::vector<AttemptWindow>> {
        auto& q = lease.cached<CountStatement>("auth.attempts.count",
                                               [](Lease& l) { return CountStatement(l); });
        q.keys.set(keys);
        q.now_us = micros(now);
        q.window_s = window.count();
        return windows_of(q);
      });
}

shared::Result<void> SociAttemptCounters::clear(const AttemptKey& key) {
  return pool_.with_session([&](soci::session& session) -> shared::Result<void> {
    int kind = static_cast<int>(key.kind);
    std::string value = key.value;
    session << kClearSql, soci::use(kind, "kind1"), soci::use(value, "key1");
    return shared::Result<void>::success();
  });
}

shared::Result<std::size_t> SociAttemptCounters::prune(shared::time::Timestamp now) {
  return pool_.with_session([&](soci::session& session) -> shared::Result<std::size_t> {
    long long now_us = micros(now);
    soci::statement statement =
        shared::db::one_time_statement(session, kPruneSql, soci::use(now_us, "now_us"));
    statement.execute(true);
    return static_cast<std::size_t>(statement.get_affected_rows());
  });
}

}  // namespace auth::adapters::postgres
