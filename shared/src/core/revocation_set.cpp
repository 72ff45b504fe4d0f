#include "shared/revocation/revocation_set.hpp"

#include <algorithm>
#include <mutex>

#include "shared/overloaded.hpp"

namespace shared::revocation {

RevocationSet::RevocationSet(std::chrono::seconds grace) : grace_(grace.count()) {}

void RevocationSet::apply(const Event& event) {
  std::unique_lock lock(mutex_);
  apply_locked(event);
}

void RevocationSet::replace(const std::vector<Event>& events) {
  std::unique_lock lock(mutex_);
  tokens_.clear();
  cutoffs_.clear();
  for (const auto& event : events) apply_locked(event);
}

void RevocationSet::apply_locked(const Event& event) {
  std::visit(
      shared::Overloaded{
          [&](const TokenRevoked& token) {
            auto& expires_at = tokens_[token.jti];
            expires_at = std::max(expires_at, token.expires_at);
          },
          [&](const UserCutoff& cutoff) {
            // Cutoffs only move forward, and the later one is the one
            // that keeps the longest-lived tokens revoked.
            auto [it, inserted] = cutoffs_.try_emplace(cutoff.user_id);
            auto& kept = it->second;
            kept.not_before = std::max(kept.not_before, cutoff.not_before);
            const bool keep_forever = cutoff.expires_at == 0 || (!inserted && kept.expires_at == 0);
            kept.expires_at = keep_forever ? 0 : std::max(kept.expires_at, cutoff.expires_at);
          },
          [](const UserDeleted&) {},
      },
      event);
}

bool RevocationSet::is_revoked(const TokenFacts& token) const {
  std::shared_lock lock(mutex_);
  if (token.jti && tokens_.find(*token.jti) != tokens_.end()) return true;
  const auto cutoff = cutoffs_.find(token.user_id);
  if (cutoff == cutoffs_.end()) return false;
  return !token.issued_at || *token.issued_at < cutoff->second.not_before;
}

std::size_t RevocationSet::drop_expired(std::int64_t now) {
  std::unique_lock lock(mutex_);
  const auto before = tokens_.size() + cutoffs_.size();
  std::erase_if(tokens_, [&](const auto& entry) { return entry.second + grace_ < now; });
  std::erase_if(cutoffs_, [&](const auto& entry) {
    return entry.second.expires_at != 0 && entry.second.expires_at + grace_ < now;
  });
  return before - tokens_.size() - cutoffs_.size();
}

RevocationSet::Size RevocationSet::size() const {
  std::shared_lock lock(mutex_);
  return {tokens_.size(), cutoffs_.size()};
}

}  // namespace shared::revocation
