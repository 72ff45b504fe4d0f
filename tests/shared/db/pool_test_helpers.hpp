#pragma once
// Small helpers shared by the shared_db integration tests.

#include <string>

#include <catch2/catch.hpp>
#include <soci/soci.h>

#include "shared/db/connection_pool.hpp"

#include "support/test_database.hpp"

namespace db_test {

inline shared::db::PoolSettings settings_for(std::string url, std::size_t size = 2) {
  shared::db::PoolSettings settings;
  settings.url = std::move(url);
  settings.size = size;
  settings.acquire_timeout = std::chrono::milliseconds(2000);
  return settings;
}

inline shared::db::Lease lease_from(shared::db::ConnectionPool& pool) {
  auto lease = pool.acquire();
  REQUIRE(lease.ok());
  return std::move(lease).value();
}

inline int backend_pid(soci::session& session) {
  int pid = 0;
  session << "SELECT pg_backend_pid()", soci::into(pid);
  return pid;
}

// A single number from a query with no parameters, e.g. a count(*).
inline long long query_number(shared::db::ConnectionPool& pool, const std::string& sql) {
  auto result = pool.with_session([&](soci::session& session) -> shared::Result<long long> {
    long long value = 0;
    session << sql, soci::into(value);
    return value;
  });
  REQUIRE(result.ok());
  return result.value();
}

}  // namespace db_test
