#include "auth/adapters/postgres/soci_session_store.hpp"

#include <soci/soci.h>

#include "auth/adapters/postgres/session_sql.hpp"
#include "shared/db/statements.hpp"
#include "shared/text/uuid.hpp"

namespace auth::adapters::postgres {
namespace {

namespace sql = internal;
using shared::Result;
using shared::db::Retry;
using shared::revocation::FeedPage;

long long epoch_us(shared::time::Timestamp t) {
  return t.time_since_epoch().count();
}

// A subject that is not a UUID is no user of ours, and PostgreSQL would
// answer its CAST with an error rather than "no row".
shared::Error not_our_user() {
  return shared::Error::invalid_token("Invalid token subject");
}

// Appends the `user` event and moves the cutoff; the caller holds the feed
// lock inside its transaction.
void write_cutoff(soci::session& session, std::string user_id, const domain::Cutoff& cutoff) {
  long long not_before = cutoff.not_before;
  long long expires_at = cutoff.expires_at;
  session << sql::kCutOffSql, soci::use(user_id, "user_id"), soci::use(not_before, "not_before"),
      soci::use(expires_at, "expires_at");
  session << sql::kCutOffChainsSql, soci::use(user_id, "user_id"),
      soci::use(not_before, "not_before");
  session << sql::kUserEventSql, soci::use(user_id, "user_id"), soci::use(not_before, "not_before"),
      soci::use(expires_at, "expires_at");
}

// Marks the chain revoked and revokes each unexpired access token issued from
// it; nothing when it was revoked already (no repeated events).
void revoke_chain(soci::session& session, std::string chain_id) {
  std::string user_id;
  soci::indicator found = soci::i_null;
  session << sql::kMarkChainRevokedSql, soci::use(chain_id, "chain_id"), soci::into(user_id, found);
  if (!session.got_data() || found != soci::i_ok) return;
  session << sql::kLockFeedSql;
  session << sql::kRevokeChainTokensSql, soci::use(user_id, "user_id"),
      soci::use(chain_id, "chain_id");
  session << sql::kChainTokenEventsSql, soci::use(user_id, "user_id"),
      soci::use(chain_id, "chain_id");
}

shared::revocation::Event event_from(const soci::row& row) {
  const auto type = row.get<std::string>(1);
  auto user_id = row.get<std::string>(2);
  if (type == "token") {
    return shared::revocation::TokenRevoked{row.get<std::string>(3), std::move(user_id),
                                            row.get<long long>(5)};
  }
  if (type == "user") {
    return shared::revocation::UserCutoff{std::move(user_id), row.get<long long>(4),
                                          row.get<long long>(5)};
  }
  return shared::revocation::UserDeleted{std::move(user_id)};
}

}  // namespace

SociSessionStore::SociSessionStore(shared::db::ConnectionPool& pool) : pool_(pool) {}

Result<std::int64_t> SociSessionStore::cutoff_of(const std::string& user_id) {
  if (!shared::text::parse_uuid(user_id)) return not_our_user();
  return pool_.with_session([&](soci::session& session) -> Result<std::int64_t> {
    long long not_before = 0;
    std::string id = user_id;
    session << sql::kCutoffOfSql, soci::use(id, "user_id"), soci::into(not_before);
    return static_cast<std::int64_t>(not_before);
  });
}

Result<std::optional<std::string>> SociSessionStore::owner_of(const std::string& refresh_hash) {
  return pool_.with_session([&](soci::session& session) -> Result<std::optional<std::string>> {
    std::string hash = refresh_hash;
    std::string user_id;
    session << sql::kOwnerOfSql, soci::use(hash, "hash"), soci::into(user_id);
    if (!session.got_data()) return std::optional<std::string>();
    return std::optional<std::string>(std::move(user_id));
  });
}

Result<void> SociSessionStore::start_chain(const std::string& user_id, std::int64_t issued_at,
                                           const domain::ChainLink& first) {
  if (!shared::text::parse_uuid(user_id)) return not_our_user();
  // One statement: the chain, its refresh token and its access token together.
  return pool_.with_session(Retry::never, [&](soci::session& session) -> Result<void> {
    std::string id = user_id;
    std::string hash = first.refresh_hash;
    std::string jti = first.access_jti;
    long long iat = issued_at;
    long long refresh_expires_us = epoch_us(first.refresh_expires_at);
    long long access_expires = first.access_expires_at;
    session << sql::kStartChainSql, soci::use(id, "user_id"), soci::use(iat, "issued_at"),
        soci::use(refresh_expires_us, "refresh_expires_us"),
        soci::use(access_expires, "access_expires"), soci::use(hash, "hash"), soci::use(jti, "jti");
    return {};
  });
}

Result<domain::SpentRefresh> SociSessionStore::spend(const std::string& refresh_hash,
                                                     shared::time::Timestamp now) {
  return pool_.with_session(
      Retry::never, [&](soci::session& session) -> Result<domain::SpentRefresh> {
        soci::transaction transaction(session);
        std::string hash = refresh_hash;
        long long now_us = epoch_us(now);
        domain::SpentRefresh spent;
        session << sql::kSpendSql, soci::use(hash, "hash"), soci::use(now_us, "now_us"),
            soci::into(spent.chain_id), soci::into(spent.user_id);
        if (session.got_data()) {
          spent.outcome = domain::SpendOutcome::kSpent;
        } else {
          session << sql::kSpentChainSql, soci::use(hash, "hash"), soci::into(spent.chain_id),
              soci::into(spent.user_id);
          if (session.got_data()) {
            spent.outcome = domain::SpendOutcome::kReused;
            revoke_chain(session, spent.chain_id);
          }
        }
        transaction.commit();
        return spent;
      });
}

Result<bool> SociSessionStore::extend_chain(const std::string& chain_id,
                                            const domain::ChainLink& next) {
  return pool_.with_session(Retry::never, [&](soci::session& session) -> Result<bool> {
    std::string id = chain_id;
    std::string hash = next.refresh_hash;
    std::string jti = next.access_jti;
    long long refresh_expires_us = epoch_us(next.refresh_expires_at);
    long long access_expires = next.access_expires_at;
    int one = 0;
    session << sql::kExtendChainSql, soci::use(id, "chain_id"),
        soci::use(refresh_expires_us, "refresh_expires_us"),
        soci::use(access_expires, "access_expires"), soci::use(hash, "hash"), soci::use(jti, "jti"),
        soci::into(one);
    return session.got_data();
  });
}

Result<void> SociSessionStore::revoke_chain_of(const std::string& refresh_hash,
                                               const std::string& user_id) {
  if (!shared::text::parse_uuid(user_id)) return not_our_user();
  return pool_.with_session([&](soci::session& session) -> Result<void> {
    soci::transaction transaction(session);
    std::string hash = refresh_hash;
    std::string user = user_id;
    std::string chain_id;
    session << sql::kChainOfSql, soci::use(hash, "hash"), soci::use(user, "user_id"),
        soci::into(chain_id);
    if (session.got_data()) revoke_chain(session, chain_id);
    transaction.commit();
    return {};
  });
}

Result<void> SociSessionStore::revoke_token(const shared::revocation::TokenRevoked& token) {
  if (!shared::text::parse_uuid(token.user_id)) return not_our_user();
  return pool_.with_session([&](soci::session& session) -> Result<void> {
    soci::transaction transaction(session);
    std::string jti = token.jti;
    std::string user_id = token.user_id;
    long long expires_at = token.expires_at;
    session << sql::kLockFeedSql;
    session << sql::kRevokeTokenSql, soci::use(jti, "jti"), soci::use(user_id, "user_id"),
        soci::use(expires_at, "expires_at");
    session << sql::kTokenEventSql, soci::use(jti, "jti"), soci::use(user_id, "user_id"),
        soci::use(expires_at, "expires_at");
    transaction.commit();
    return {};
  });
}

Result<void> SociSessionStore::cut_off(const std::string& user_id, const domain::Cutoff& cutoff) {
  if (!shared::text::parse_uuid(user_id)) return not_our_user();
  return pool_.with_session([&](soci::session& session) -> Result<void> {
    soci::transaction transaction(session);
    session << sql::kLockFeedSql;
    write_cutoff(session, user_id, cutoff);
    transaction.commit();
    return {};
  });
}

Result<void> SociSessionStore::change_password(const std::string& user_id,
                                               const std::string& new_hash,
                                               const domain::Cutoff& cutoff) {
  if (!shared::text::parse_uuid(user_id)) return not_our_user();
  return pool_.with_session([&](soci::session& session) -> Result<void> {
    soci::transaction transaction(session);
    std::string id = user_id;
    std::string hash = new_hash;
    session << sql::kSetPasswordSql, soci::use(hash, "hash"), soci::use(id, "user_id");
    session << sql::kLockFeedSql;
    write_cutoff(session, user_id, cutoff);
    transaction.commit();
    return {};
  });
}

Result<void> SociSessionStore::delete_user(const std::string& user_id,
                                           const domain::Cutoff& cutoff) {
  if (!shared::text::parse_uuid(user_id)) return not_our_user();
  return pool_.with_session([&](soci::session& session) -> Result<void> {
    soci::transaction transaction(session);
    std::string id = user_id;
    session << sql::kDeleteUserSql, soci::use(id, "user_id");
    session << sql::kLockFeedSql;
    write_cutoff(session, user_id, cutoff);
    session << sql::kUserDeletedEventSql, soci::use(id, "user_id");
    transaction.commit();
    return {};
  });
}

Result<domain::PruneCounts> SociSessionStore::prune(shared::time::Timestamp now,
                                                    std::chrono::seconds grace,
                                                    std::chrono::seconds event_retention) {
  return pool_.with_session([&](soci::session& session) -> Result<domain::PruneCounts> {
    domain::PruneCounts counts;
    long long now_us = epoch_us(now);
    long long horizon = shared::time::epoch_seconds(now) - grace.count();
    long long oldest_us = epoch_us(now - event_retention);
    const auto run = [&](const char* statement_sql, long long& value, const char* name) {
      soci::statement statement =
          shared::db::one_time_statement(session, statement_sql, soci::use(value, name));
      statement.execute(true);
      counts.rows += static_cast<std::size_t>(statement.get_affected_rows());
    };
    run(sql::kPruneRefreshTokensSql, now_us, "now_us");
    run(sql::kPruneChainsSql, now_us, "now_us");
    run(sql::kPruneChainTokensSql, horizon, "horizon");
    run(sql::kPruneRevokedTokensSql, horizon, "horizon");
    run(sql::kPruneCutoffsSql, horizon, "horizon");
    long long events = 0;
    session << sql::kPruneEventsSql, soci::use(oldest_us, "oldest_us"), soci::into(events);
    counts.events = static_cast<std::size_t>(events);
    return counts;
  });
}

Result<FeedPage> SociSessionStore::snapshot(std::int64_t now, std::chrono::seconds grace) {
  return pool_.with_session([&](soci::session& session) -> Result<FeedPage> {
    // One consistent view: the state and the cursor it corresponds to.
    soci::transaction transaction(session);
    session << sql::kRepeatableReadSql;
    FeedPage page;
    long long pruned_through = 0;
    long long newest = 0;
    session << sql::kFeedBoundsSql, soci::into(pruned_through), soci::into(newest);
    page.cursor = std::to_string(newest);
    long long horizon = now - grace.count();
    shared::db::for_each_row(
        session, sql::kSnapshotCutoffsSql,
        [&](const soci::row& row) {
          page.events.emplace_back(shared::revocation::UserCutoff{
              row.get<std::string>(0), row.get<long long>(1), row.get<long long>(2)});
        },
        soci::use(horizon, "horizon"));
    shared::db::for_each_row(
        session, sql::kSnapshotTokensSql,
        [&](const soci::row& row) {
          page.events.emplace_back(shared::revocation::TokenRevoked{
              row.get<std::string>(0), row.get<std::string>(1), row.get<long long>(2)});
        },
        soci::use(horizon, "horizon"));
    shared::db::for_each_row(session, sql::kSnapshotDeletionsSql, [&](const soci::row& row) {
      page.events.emplace_back(shared::revocation::UserDeleted{row.get<std::string>(0)});
    });
    transaction.commit();
    return page;
  });
}

Result<std::optional<FeedPage>> SociSessionStore::after(std::int64_t cursor, std::size_t limit) {
  return pool_.with_session([&](soci::session& session) -> Result<std::optional<FeedPage>> {
    long long pruned_through = 0;
    long long newest = 0;
    session << sql::kFeedBoundsSql, soci::into(pruned_through), soci::into(newest);
    if (cursor < pruned_through || cursor > newest) return std::optional<FeedPage>();
    FeedPage page;
    long long from = cursor;
    long long max_rows = static_cast<long long>(limit);
    long long last = from;
    shared::db::for_each_row(
        session, sql::kEventsAfterSql,
        [&](const soci::row& row) {
          last = row.get<long long>(0);
          page.events.push_back(event_from(row));
        },
        soci::use(from, "cursor"), soci::use(max_rows, "limit"));
    from = last;
    page.cursor = std::to_string(from);
    return std::optional<FeedPage>(std::move(page));
  });
}

}  // namespace auth::adapters::postgres
