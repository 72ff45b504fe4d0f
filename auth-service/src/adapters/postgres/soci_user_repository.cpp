#include "auth/adapters/postgres/soci_user_repository.hpp"

#include "auth/adapters/postgres/user_statements.hpp"
#include "shared/text/uuid.hpp"

namespace auth::adapters::postgres {
namespace {

using internal::FindUser;
using internal::InsertUser;
using internal::UserRow;
using MaybeUser = std::optional<domain::User>;

shared::time::Timestamp from_epoch_us(long long microseconds) {
  return shared::time::Timestamp(std::chrono::microseconds(microseconds));
}

// Rows hold emails the service normalised (or a migration wrote lower-case);
// one that breaks the rules is a data problem, reported rather than hidden.
shared::Result<domain::User> to_user(const UserRow& row) {
  auto email = domain::Email::parse(row.email);
  if (!email) return shared::Error::internal("stored email of user " + row.id + " is invalid");
  return domain::User{row.id, std::move(email).value(), row.hashed_password,
                      from_epoch_us(row.created_us), from_epoch_us(row.updated_us)};
}

shared::Result<MaybeUser> find(shared::db::ConnectionPool& pool, const char* cache_key,
                               const std::string& sql, const std::string& key) {
  return pool.with_session([&](shared::db::Lease& lease) -> shared::Result<MaybeUser> {
    auto& query =
        lease.cached<FindUser>(cache_key, [&](shared::db::Lease& l) { return FindUser(l, sql); });
    query.key = key;
    if (!query.statement.execute(true)) return MaybeUser();
    auto user = to_user(query.row);
    if (!user) return user.error();
    return MaybeUser(std::move(user).value());
  });
}

}  // namespace

SociUserRepository::SociUserRepository(shared::db::ConnectionPool& pool) : pool_(pool) {}

shared::Result<domain::User> SociUserRepository::add(const domain::NewUser& user) {
  // Never repeated after a connection lost mid-statement: if the first
  // attempt committed, a repeat would find the email taken and answer 409
  // to the very sign-up that created it. The caller gets 503 instead.
  return pool_.with_session(
      shared::db::Retry::never, [&](shared::db::Lease& lease) -> shared::Result<domain::User> {
        auto& insert = lease.cached<InsertUser>("auth.users.insert",
                                                [](shared::db::Lease& l) { return InsertUser(l); });
        insert.email = user.email.value();
        insert.hash = user.password_hash;
        if (!insert.statement.execute(true)) {
          return shared::Error::already_exists(domain::kEmailTaken);
        }
        return domain::User{insert.row.id, user.email, user.password_hash,
                            from_epoch_us(insert.row.created_us),
                            from_epoch_us(insert.row.updated_us)};
      });
}

shared::Result<MaybeUser> SociUserRepository::find_by_email(const domain::Email& email) {
  return find(pool_, "auth.users.by_email", internal::kFindByEmailSql, email.value());
}

shared::Result<MaybeUser> SociUserRepository::find_by_id(const std::string& id) {
  // Not the canonical form: not an id we issued, and PostgreSQL would answer
  // it with an error rather than "no row".
  if (!shared::text::parse_uuid(id)) return MaybeUser();
  return find(pool_, "auth.users.by_id", internal::kFindByIdSql, id);
}

// Repeatable: the second attempt finds the new hash and changes nothing.
shared::Result<bool> SociUserRepository::rehash_password(const std::string& id,
                                                         const std::string& old_hash,
                                                         const std::string& new_hash) {
  if (!shared::text::parse_uuid(id)) return false;
  return pool_.with_session([&](soci::session& session) -> shared::Result<bool> {
    std::string user_id = id;
    std::string expected = old_hash;
    std::string replacement = new_hash;
    soci::statement statement = shared::db::one_time_statement(
        session, internal::kRehashSql, soci::use(replacement, "new_hash"), soci::use(user_id, "id"),
        soci::use(expected, "old_hash"));
    statement.execute(true);
    return statement.get_affected_rows() == 1;
  });
}

}  // namespace auth::adapters::postgres
