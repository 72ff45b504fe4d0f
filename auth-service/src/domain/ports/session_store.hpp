#pragma once
// Where sessions and revocations are kept (auth-service's database). Every
// operation that revokes something also appends the feed's events for it,
// in the same transaction, so the feed never misses a revocation and never
// announces one that did not happen. Implementations: SociSessionStore and
// InMemorySessionStore.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include "auth/domain/cutoff.hpp"
#include "shared/result.hpp"
#include "shared/revocation/event.hpp"
#include "shared/time/timestamp.hpp"

namespace auth::domain {

// One refresh of a chain: the refresh token handed out and the access token
// issued with it.
struct ChainLink {
  std::string refresh_hash;
  shared::time::Timestamp refresh_expires_at;
  std::string access_jti;
  std::int64_t access_expires_at = 0;  // seconds since the epoch
};

enum class SpendOutcome {
  kSpent,    // it was live; now it is spent and its chain may be extended
  kReused,   // it had been spent before: the chain is revoked now
  kInvalid,  // unknown, expired, or its chain revoked or older than a cutoff
};

struct SpentRefresh {
  SpendOutcome outcome = SpendOutcome::kInvalid;
  std::string chain_id;  // set for kSpent and kReused
  std::string user_id;   // set for kSpent and kReused
};

struct PruneCounts {
  std::size_t rows = 0;    // expired session and revocation rows removed
  std::size_t events = 0;  // feed events older than the retention removed
};

class SessionStore {
 public:
  virtual ~SessionStore() = default;

  // The user's latest cutoff's not_before; 0 when there is none.
  virtual shared::Result<std::int64_t> cutoff_of(const std::string& user_id) = 0;

  // The user whose live or spent refresh token has this hash, if any.
  virtual shared::Result<std::optional<std::string>> owner_of(const std::string& refresh_hash) = 0;

  // Starts a chain whose first access token has `issued_at` as its iat.
  virtual shared::Result<void> start_chain(const std::string& user_id, std::int64_t issued_at,
                                           const ChainLink& first) = 0;

  // Spends a refresh token, at most once whatever the concurrency: of two
  // simultaneous spends one is kSpent and the other kReused.
  virtual shared::Result<SpentRefresh> spend(const std::string& refresh_hash,
                                             shared::time::Timestamp now) = 0;

  // Adds the next link to a chain; false (and nothing stored) when the chain
  // was revoked since the spend.
  virtual shared::Result<bool> extend_chain(const std::string& chain_id, const ChainLink& next) = 0;

  // Revokes the chain of this refresh token (its refresh tokens, and each
  // access token issued from it, one `token` event each) when it is
  // `user_id`'s; does nothing otherwise.
  virtual shared::Result<void> revoke_chain_of(const std::string& refresh_hash,
                                               const std::string& user_id) = 0;

  // Revokes one access token.
  virtual shared::Result<void> revoke_token(const shared::revocation::TokenRevoked& token) = 0;

  // Every token of the user issued before the cutoff: one `user` event; the
  // user's chains die with it.
  virtual shared::Result<void> cut_off(const std::string& user_id, const Cutoff& cutoff) = 0;

  // The new password hash and the cutoff, together or not at all.
  virtual shared::Result<void> change_password(const std::string& user_id,
                                               const std::string& new_hash,
                                               const Cutoff& cutoff) = 0;

  // The user row (and its chains) gone, its tokens cut off, and a
  // `user_deleted` event so that other services delete its data.
  virtual shared::Result<void> delete_user(const std::string& user_id, const Cutoff& cutoff) = 0;

  // Forgets what can no longer matter: refresh tokens and chains past
  // expiry, revocations of tokens expired more than `grace` ago, feed events
  // older than `event_retention` (the newest event is always kept: it
  // anchors the cursor).
  virtual shared::Result<PruneCounts> prune(shared::time::Timestamp now, std::chrono::seconds grace,
                                            std::chrono::seconds event_retention) = 0;
};

}  // namespace auth::domain
