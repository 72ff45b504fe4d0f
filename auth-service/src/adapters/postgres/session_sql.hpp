#pragma once
// The SQL of SociSessionStore. Named placeholders (SOCI binds by name, so
// one may appear twice). Timestamps travel as epoch microseconds (:*_us) or,
// where tokens carry them, whole epoch seconds.

namespace auth::adapters::postgres::internal {

// Appending to the feed: held until commit, so ids become visible in order.
inline constexpr const char* kLockFeedSql = "SELECT pg_advisory_xact_lock(1919252079)";

inline constexpr const char* kCutoffOfSql =
    "SELECT coalesce(max(not_before), 0) FROM user_cutoffs WHERE user_id = CAST(:user_id AS uuid)";

inline constexpr const char* kOwnerOfSql =
    "SELECT c.user_id::text FROM refresh_tokens t JOIN refresh_chains c ON c.id = t.chain_id "
    "WHERE t.token_hash = :hash";

inline constexpr const char* kStartChainSql =
    "WITH chain AS ("
    "  INSERT INTO refresh_chains (user_id, issued_at, expires_at)"
    "  VALUES (CAST(:user_id AS uuid), :issued_at,"
    "          greatest(to_timestamp(:refresh_expires_us / 1e6), to_timestamp(:access_expires)))"
    "  RETURNING id),"
    " refresh AS ("
    "  INSERT INTO refresh_tokens (token_hash, chain_id, expires_at)"
    "  SELECT :hash, id, to_timestamp(:refresh_expires_us / 1e6) FROM chain) "
    "INSERT INTO chain_access_tokens (jti, chain_id, expires_at) "
    "SELECT :jti, id, :access_expires FROM chain";

// Only a live chain grows; the row lock orders it after a concurrent revoke.
inline constexpr const char* kExtendChainSql =
    "WITH chain AS ("
    "  UPDATE refresh_chains SET expires_at = greatest(expires_at,"
    "      to_timestamp(:refresh_expires_us / 1e6), to_timestamp(:access_expires))"
    "  WHERE id = CAST(:chain_id AS uuid) AND revoked_at IS NULL RETURNING id),"
    " refresh AS ("
    "  INSERT INTO refresh_tokens (token_hash, chain_id, expires_at)"
    "  SELECT :hash, id, to_timestamp(:refresh_expires_us / 1e6) FROM chain) "
    "INSERT INTO chain_access_tokens (jti, chain_id, expires_at) "
    "SELECT :jti, id, :access_expires FROM chain RETURNING 1";

// Spends a live token of a live chain born at or after its user's cutoff.
// `spent_at IS NULL` under the row lock: of two concurrent spends one wins.
inline constexpr const char* kSpendSql =
    "UPDATE refresh_tokens t SET spent_at = now() FROM refresh_chains c "
    "WHERE t.token_hash = :hash AND c.id = t.chain_id AND t.spent_at IS NULL"
    "  AND t.expires_at > to_timestamp(:now_us / 1e6) AND c.revoked_at IS NULL"
    "  AND c.issued_at >= coalesce("
    "      (SELECT max(not_before) FROM user_cutoffs u WHERE u.user_id = c.user_id), 0) "
    "RETURNING c.id::text, c.user_id::text";

inline constexpr const char* kSpentChainSql =
    "SELECT c.id::text, c.user_id::text FROM refresh_tokens t "
    "JOIN refresh_chains c ON c.id = t.chain_id "
    "WHERE t.token_hash = :hash AND t.spent_at IS NOT NULL";

inline constexpr const char* kChainOfSql =
    "SELECT c.id::text FROM refresh_tokens t JOIN refresh_chains c ON c.id = t.chain_id "
    "WHERE t.token_hash = :hash AND c.user_id = CAST(:user_id AS uuid)";

inline constexpr const char* kMarkChainRevokedSql =
    "UPDATE refresh_chains SET revoked_at = now() "
    "WHERE id = CAST(:chain_id AS uuid) AND revoked_at IS NULL RETURNING user_id::text";

// Every access token of the chain that has not expired, as revocations and as
// events (oldest expiry first).
inline constexpr const char* kRevokeChainTokensSql =
    "INSERT INTO revoked_tokens (jti, user_id, expires_at) "
    "SELECT a.jti, CAST(:user_id AS uuid), a.expires_at FROM chain_access_tokens a "
    "WHERE a.chain_id = CAST(:chain_id AS uuid) AND a.expires_at >= extract(epoch FROM "
    "now())::bigint "
    "ON CONFLICT (jti) DO NOTHING";
inline constexpr const char* kChainTokenEventsSql =
    "INSERT INTO revocation_events (type, user_id, jti, expires_at) "
    "SELECT 'token', CAST(:user_id AS uuid), a.jti, a.expires_at FROM chain_access_tokens a "
    "WHERE a.chain_id = CAST(:chain_id AS uuid) AND a.expires_at >= extract(epoch FROM "
    "now())::bigint ORDER BY a.expires_at";

inline constexpr const char* kRevokeTokenSql =
    "INSERT INTO revoked_tokens (jti, user_id, expires_at) "
    "VALUES (:jti, CAST(:user_id AS uuid), :expires_at) ON CONFLICT (jti) DO NOTHING";
inline constexpr const char* kTokenEventSql =
    "INSERT INTO revocation_events (type, user_id, jti, expires_at) "
    "VALUES ('token', CAST(:user_id AS uuid), :jti, :expires_at)";

// Cutoffs only move forward.
inline constexpr const char* kCutOffSql =
    "INSERT INTO user_cutoffs (user_id, not_before, expires_at) "
    "VALUES (CAST(:user_id AS uuid), :not_before, :expires_at) "
    "ON CONFLICT (user_id) DO UPDATE SET "
    "not_before = greatest(user_cutoffs.not_before, excluded.not_before), "
    "expires_at = greatest(user_cutoffs.expires_at, excluded.expires_at)";
inline constexpr const char* kCutOffChainsSql =
    "UPDATE refresh_chains SET revoked_at = now() "
    "WHERE user_id = CAST(:user_id AS uuid) AND revoked_at IS NULL AND issued_at < :not_before";
inline constexpr const char* kUserEventSql =
    "INSERT INTO revocation_events (type, user_id, not_before, expires_at) "
    "VALUES ('user', CAST(:user_id AS uuid), :not_before, :expires_at)";

inline constexpr const char* kSetPasswordSql =
    "UPDATE users SET hashed_password = :hash, updated_at = now() "
    "WHERE id = CAST(:user_id AS uuid)";
inline constexpr const char* kDeleteUserSql = "DELETE FROM users WHERE id = CAST(:user_id AS uuid)";
inline constexpr const char* kUserDeletedEventSql =
    "INSERT INTO revocation_events (type, user_id) VALUES ('user_deleted', CAST(:user_id AS uuid))";

// Pruning: each statement bounded by an index, the feed's watermark moved
// with the events it drops (never the newest: it anchors the cursor).
inline constexpr const char* kPruneRefreshTokensSql =
    "DELETE FROM refresh_tokens WHERE expires_at < to_timestamp(:now_us / 1e6)";
inline constexpr const char* kPruneChainsSql =
    "DELETE FROM refresh_chains WHERE expires_at < to_timestamp(:now_us / 1e6)";
inline constexpr const char* kPruneChainTokensSql =
    "DELETE FROM chain_access_tokens WHERE expires_at < :horizon";
inline constexpr const char* kPruneRevokedTokensSql =
    "DELETE FROM revoked_tokens WHERE expires_at < :horizon";
inline constexpr const char* kPruneCutoffsSql =
    "DELETE FROM user_cutoffs WHERE expires_at < :horizon";
inline constexpr const char* kPruneEventsSql =
    "WITH gone AS ("
    "  DELETE FROM revocation_events WHERE created_at < to_timestamp(:oldest_us / 1e6)"
    "  AND id < (SELECT max(id) FROM revocation_events) RETURNING id),"
    " moved AS ("
    "  UPDATE revocation_feed_state"
    "  SET pruned_through = greatest(pruned_through, (SELECT max(id) FROM gone))"
    "  WHERE EXISTS (SELECT 1 FROM gone)) "
    "SELECT count(*) FROM gone";

// The feed.
inline constexpr const char* kRepeatableReadSql =
    "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY";
inline constexpr const char* kFeedBoundsSql =
    "SELECT pruned_through, (SELECT coalesce(max(id), 0) FROM revocation_events) "
    "FROM revocation_feed_state";
inline constexpr const char* kSnapshotCutoffsSql =
    "SELECT user_id::text, not_before, expires_at FROM user_cutoffs WHERE expires_at >= :horizon "
    "ORDER BY user_id";
inline constexpr const char* kSnapshotTokensSql =
    "SELECT jti, user_id::text, expires_at FROM revoked_tokens WHERE expires_at >= :horizon "
    "ORDER BY expires_at";
inline constexpr const char* kSnapshotDeletionsSql =
    "SELECT user_id::text FROM revocation_events WHERE type = 'user_deleted' "
    "GROUP BY user_id ORDER BY min(id)";
inline constexpr const char* kEventsAfterSql =
    "SELECT id, type, user_id::text, jti, not_before, expires_at FROM revocation_events "
    "WHERE id > :cursor ORDER BY id LIMIT :limit";

}  // namespace auth::adapters::postgres::internal
