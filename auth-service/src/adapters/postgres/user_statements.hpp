#pragma once
// The SQL of SociUserRepository and the statements bound to it, prepared
// once per connection (Lease::cached).
// Timestamps travel as epoch microseconds: SOCI's std::tm would drop the
// fraction and the offset.

#include <string>

#include <soci/soci.h>

#include "shared/db/lease.hpp"

namespace auth::adapters::postgres::internal {

// Emails arrive canonical (domain::Email) and are stored so (migration 0003).
// ON CONFLICT DO NOTHING rather than catching unique_violation: a conflict is
// an expected outcome (409), not an error to log, and a concurrent insert of
// the same email waits for the first one to commit and then returns no row.
inline constexpr const char* kInsertUserSql =
    "INSERT INTO users (email, hashed_password) VALUES (:email, :hash) "
    "ON CONFLICT (email) DO NOTHING "
    "RETURNING id::text, (extract(epoch FROM created_at) * 1000000)::bigint, "
    "(extract(epoch FROM updated_at) * 1000000)::bigint";

inline constexpr const char* kSelectUserColumns =
    "SELECT id::text, email, hashed_password, "
    "(extract(epoch FROM created_at) * 1000000)::bigint, "
    "(extract(epoch FROM updated_at) * 1000000)::bigint FROM users ";

inline const std::string kFindByEmailSql =
    std::string(kSelectUserColumns) + "WHERE email = :email";  // canonical both sides
inline const std::string kFindByIdSql =
    std::string(kSelectUserColumns) + "WHERE id = CAST(:id AS uuid)";

// Compare-and-set on the old hash: a password changed meanwhile is kept.
inline constexpr const char* kRehashSql =
    "UPDATE users SET hashed_password = :new_hash "
    "WHERE id = CAST(:id AS uuid) AND hashed_password = :old_hash";

struct UserRow {
  std::string id;
  std::string email;
  std::string hashed_password;
  long long created_us = 0;
  long long updated_us = 0;
};

struct InsertUser {
  explicit InsertUser(shared::db::Lease& lease) : statement(lease.session()) {
    lease.prepare(statement, kInsertUserSql, soci::use(email), soci::use(hash), soci::into(row.id),
                  soci::into(row.created_us), soci::into(row.updated_us));
  }
  std::string email;
  std::string hash;
  UserRow row;
  soci::statement statement;  // declared last: binds the members above
};

// One shape for both look-ups: a key in, a whole row out.
struct FindUser {
  FindUser(shared::db::Lease& lease, const std::string& sql) : statement(lease.session()) {
    lease.prepare(statement, sql, soci::use(key), soci::into(row.id), soci::into(row.email),
                  soci::into(row.hashed_password), soci::into(row.created_us),
                  soci::into(row.updated_us));
  }
  std::string key;
  UserRow row;
  soci::statement statement;
};

}  // namespace auth::adapters::postgres::internal
