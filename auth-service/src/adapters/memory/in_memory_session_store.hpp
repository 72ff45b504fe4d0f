#pragma once
// SessionStore and RevocationLog in memory, with SociSessionStore's rules
// (chains, spend-once, cutoffs, the event log and its pruning watermark), for
// unit tests of the use cases. Thread-safe.

#include <map>
#include <mutex>
#include <vector>

#include "auth/adapters/memory/in_memory_user_repository.hpp"
#include "auth/domain/ports/revocation_log.hpp"
#include "auth/domain/ports/session_store.hpp"
#include "shared/time/clock.hpp"

namespace auth::adapters::memory {

class InMemorySessionStore final : public domain::SessionStore, public domain::RevocationLog {
 public:
  InMemorySessionStore(InMemoryUserRepository& users, const shared::time::Clock& clock);

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
  struct Chain {
    std::string user_id;
    std::int64_t issued_at = 0;
    bool revoked = false;
    std::map<std::string, std::int64_t> access_tokens;  // jti → exp
  };
  struct Refresh {
    std::string chain_id;
    shared::time::Timestamp expires_at;
    bool spent = false;
  };
  struct LoggedEvent {
    std::int64_t id = 0;
    shared::revocation::Event event;
    shared::time::Timestamp at;
  };

  void append(shared::revocation::Event event);
  void revoke_chain(const std::string& chain_id);
  void write_cutoff(const std::string& user_id, const domain::Cutoff& cutoff);
  void add_link(const std::string& chain_id, const domain::ChainLink& link);

  InMemoryUserRepository& users_;
  const shared::time::Clock& clock_;
  std::mutex mutex_;
  std::map<std::string, Chain> chains_;
  std::map<std::string, Refresh> refresh_;                           // by hash
  std::map<std::string, domain::Cutoff> cutoffs_;                    // by user
  std::map<std::string, shared::revocation::TokenRevoked> revoked_;  // by jti
  std::vector<LoggedEvent> events_;
  std::int64_t next_event_id_ = 1;
  std::int64_t pruned_through_ = 0;
  std::uint64_t next_chain_ = 1;
};

}  // namespace auth::adapters::memory
