#pragma once
// SessionStore and RevocationLog over PostgreSQL (migration 0002_sessions).
// Sessions are written rarely (a login, a refresh, a logout), so statements
// are one-off rather than cached; the feed's reads are small and indexed.

#include "auth/domain/ports/revocation_log.hpp"
#include "auth/domain/ports/session_store.hpp"
#include "shared/db/connection_pool.hpp"

namespace auth::adapters::postgres {

class SociSessionStore final : public domain::SessionStore, public domain::RevocationLog {
 public:
  explicit SociSessionStore(shared::db::ConnectionPool& pool);

  shared::Result<std::int64_t> cutoff_of(const std::string& user_id) override;
  shared::Result<std::optional<std::string>> owner_of(const std::string& refresh_hash) override;
  shared::Result<void> start_chain(const std::string& user_id, std::int64_t issued_at,
                                   const domain::ChainLink& first) override;
  shared::Result<domain::SpentRefresh> spend(const std::string& refresh_hash,
                                             shared::time::Timestamp now) override;
  shared::Result<bool> extend_chain(const std::string& chain_id,
                                    const domain::ChainLink& next) override;
  shared::Result<void> revoke_chain_of(const std::string& refresh_hash,
                                       const std::string& user_id) override;
  shared::Result<void> revoke_token(const shared::revocation::TokenRevoked& token) override;
  shared::Result<void> cut_off(const std::string& user_id, const domain::Cutoff& cutoff) override;
  shared::Result<void> change_password(const std::string& user_id, const std::string& new_hash,
                                       const domain::Cutoff& cutoff) override;
  shared::Result<void> delete_user(const std::string& user_id,
                                   const domain::Cutoff& cutoff) override;
  shared::Result<domain::PruneCounts> prune(shared::time::Timestamp now, std::chrono::seconds grace,
                                            std::chrono::seconds event_retention) override;

  shared::Result<shared::revocation::FeedPage> snapshot(std::int64_t now,
                                                        std::chrono::seconds grace) override;
  shared::Result<std::optional<shared::revocation::FeedPage>> after(std::int64_t cursor,
                                                                    std::size_t limit) override;

 private:
  shared::db::ConnectionPool& pool_;
};

}  // namespace auth::adapters::postgres
