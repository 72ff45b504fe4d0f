#include "auth/adapters/memory/in_memory_session_store.hpp"

#include <algorithm>

namespace auth::adapters::memory {
namespace {

using shared::Result;
using shared::revocation::FeedPage;
using shared::revocation::TokenRevoked;
using shared::revocation::UserCutoff;
using shared::revocation::UserDeleted;

}  // namespace

InMemorySessionStore::InMemorySessionStore(InMemoryUserRepository& users,
                                           const shared::time::Clock& clock)
    : users_(users), clock_(clock) {}

void InMemorySessionStore::append(shared::revocation::Event event) {
  events_.push_back({next_event_id_++, std::move(event), clock_.now()});
}

void InMemorySessionStore::add_link(const std::string& chain_id, const domain::ChainLink& link) {
  chains_[chain_id].access_tokens[link.access_jti] = link.access_expires_at;
  refresh_[link.refresh_hash] = {chain_id, link.refresh_expires_at, false};
}

void InMemorySessionStore::revoke_chain(const std::string& chain_id) {
  auto& chain = chains_.at(chain_id);
  if (chain.revoked) return;
  chain.revoked = true;
  const auto now = shared::time::epoch_seconds(clock_.now());
  for (const auto& [jti, expires_at] : chain.access_tokens) {
    if (expires_at < now) continue;
    TokenRevoked token{jti, chain.user_id, expires_at};
    revoked_.emplace(jti, token);
    append(std::move(token));
  }
}

void InMemorySessionStore::write_cutoff(const std::string& user_id, const domain::Cutoff& cutoff) {
  auto& kept = cutoffs_[user_id];
  kept.not_before = std::max(kept.not_before, cutoff.not_before);
  kept.expires_at = std::max(kept.expires_at, cutoff.expires_at);
  for (auto& [id, chain] : chains_) {
    if (chain.user_id == user_id && chain.issued_at < cutoff.not_before) chain.revoked = true;
  }
  append(UserCutoff{user_id, cutoff.not_before, cutoff.expires_at});
}

Result<std::int64_t> InMemorySessionStore::cutoff_of(const std::string& user_id) {
  std::lock_guard lock(mutex_);
  const auto found = cutoffs_.find(user_id);
  return found == cutoffs_.end() ? 0 : found->second.not_before;
}

Result<std::optional<std::string>> InMemorySessionStore::owner_of(const std::string& refresh_hash) {
  std::lock_guard lock(mutex_);
  const auto found = refresh_.find(refresh_hash);
  if (found == refresh_.end()) return std::optional<std::string>();
  return std::optional<std::string>(chains_.at(found->second.chain_id).user_id);
}

Result<void> InMemorySessionStore::start_chain(const std::string& user_id, std::int64_t issued_at,
                                               const domain::ChainLink& first) {
  std::lock_guard lock(mutex_);
  const auto id = "chain-" + std::to_string(next_chain_++);
  chains_[id] = Chain{user_id, issued_at, false, {}};
  add_link(id, first);
  return {};
}

Result<domain::SpentRefresh> InMemorySessionStore::spend(const std::string& refresh_hash,
                                                         shared::time::Timestamp now) {
  std::lock_guard lock(mutex_);
  const auto found = refresh_.find(refresh_hash);
  if (found == refresh_.end()) return domain::SpentRefresh{};
  auto& refresh = found->second;
  const auto& chain = chains_.at(refresh.chain_id);
  domain::SpentRefresh spent{domain::SpendOutcome::kInvalid, refresh.chain_id, chain.user_id};
  if (refresh.spent) {
    spent.outcome = domain::SpendOutcome::kReused;
    revoke_chain(refresh.chain_id);
    return spent;
  }
  const auto cutoff = cutoffs_.find(chain.user_id);
  const bool cut = cutoff != cutoffs_.end() && chain.issued_at < cutoff->second.not_before;
  if (refresh.expires_at <= now || chain.revoked || cut) return domain::SpentRefresh{};
  refresh.spent = true;
  spent.outcome = domain::SpendOutcome::kSpent;
  return spent;
}

Result<bool> InMemorySessionStore::extend_chain(const std::string& chain_id,
                                                const domain::ChainLink& next) {
  std::lock_guard lock(mutex_);
  const auto found = chains_.find(chain_id);
  if (found == chains_.end() || found->second.revoked) return false;
  add_link(chain_id, next);
  return true;
}

Result<void> InMemorySessionStore::revoke_chain_of(const std::string& refresh_hash,
                                                   const std::string& user_id) {
  std::lock_guard lock(mutex_);
  const auto found = refresh_.find(refresh_hash);
  if (found != refresh_.end() && chains_.at(found->second.chain_id).user_id == user_id) {
    revoke_chain(found->second.chain_id);
  }
  return {};
}

Result<void> InMemorySessionStore::revoke_token(const TokenRevoked& token) {
  std::lock_guard lock(mutex_);
  revoked_.emplace(token.jti, token);
  append(token);
  return {};
}

Result<void> InMemorySessionStore::cut_off(const std::string& user_id,
                                           const domain::Cutoff& cutoff) {
  std::lock_guard lock(mutex_);
  write_cutoff(user_id, cutoff);
  return {};
}

Result<void> InMemorySessionStore::change_password(const std::string& user_id,
                                                   const std::string& new_hash,
                                                   const domain::Cutoff& cutoff) {
  std::lock_guard lock(mutex_);
  users_.set_password_hash(user_id, new_hash);
  write_cutoff(user_id, cutoff);
  return {};
}

Result<void> InMemorySessionStore::delete_user(const std::string& user_id,
                                               const domain::Cutoff& cutoff) {
  std::lock_guard lock(mutex_);
  users_.remove(user_id);
  std::erase_if(refresh_, [&](const auto& entry) {
    return chains_.at(entry.second.chain_id).user_id == user_id;
  });
  std::erase_if(chains_, [&](const auto& entry) { return entry.second.user_id == user_id; });
  write_cutoff(user_id, cutoff);
  append(UserDeleted{user_id});
  return {};
}

Result<domain::PruneCounts> InMemorySessionStore::prune(shared::time::Timestamp now,
                                                        std::chrono::seconds grace,
                                                        std::chrono::seconds event_retention) {
  std::lock_guard lock(mutex_);
  domain::PruneCounts counts;
  const auto horizon = shared::time::epoch_seconds(now) - grace.count();
  counts.rows += std::erase_if(refresh_, [&](const auto& e) { return e.second.expires_at < now; });
  counts.rows +=
      std::erase_if(revoked_, [&](const auto& e) { return e.second.expires_at < horizon; });
  counts.rows +=
      std::erase_if(cutoffs_, [&](const auto& e) { return e.second.expires_at < horizon; });
  // Never the newest event: it anchors the cursor.
  const auto oldest = now - event_retention;
  while (events_.size() > 1 && events_.front().at < oldest) {
    pruned_through_ = events_.front().id;
    events_.erase(events_.begin());
    ++counts.events;
  }
  return counts;
}

Result<FeedPage> InMemorySessionStore::snapshot(std::int64_t now, std::chrono::seconds grace) {
  std::lock_guard lock(mutex_);
  FeedPage page;
  page.cursor = std::to_string(events_.empty() ? pruned_through_ : events_.back().id);
  const auto horizon = now - grace.count();
  for (const auto& [user_id, cutoff] : cutoffs_) {
    if (cutoff.expires_at >= horizon) {
      page.events.emplace_back(UserCutoff{user_id, cutoff.not_before, cutoff.expires_at});
    }
  }
  for (const auto& [jti, token] : revoked_) {
    if (token.expires_at >= horizon) page.events.emplace_back(token);
  }
  for (const auto& logged : events_) {
    if (std::holds_alternative<UserDeleted>(logged.event)) page.events.push_back(logged.event);
  }
  return page;
}

Result<std::optional<FeedPage>> InMemorySessionStore::after(std::int64_t cursor,
                                                            std::size_t limit) {
  std::lock_guard lock(mutex_);
  const auto newest = events_.empty() ? pruned_through_ : events_.back().id;
  if (cursor < pruned_through_ || cursor > newest) return std::optional<FeedPage>();
  FeedPage page;
  std::int64_t last = cursor;
  for (const auto& logged : events_) {
    if (logged.id <= cursor) continue;
    if (page.events.size() == limit) break;
    page.events.push_back(logged.event);
    last = logged.id;
  }
  page.cursor = std::to_string(last);
  return std::optional<FeedPage>(std::move(page));
}

}  // namespace auth::adapters::memory
