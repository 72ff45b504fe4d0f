#pragma once
// The revocations in force, held in memory by every service that verifies
// tokens, so that checking one costs a hash lookup and no network call.
// auth-service fills it from its own event log, task-service from the feed.

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "shared/revocation/event.hpp"

namespace shared::revocation {

// What a verified token says that revocation cares about.
struct TokenFacts {
  std::string_view user_id;               // `sub`
  std::optional<std::string_view> jti;    // `jti`, when the token has one
  std::optional<std::int64_t> issued_at;  // `iat`, when the token has one
};

class RevocationSet {
 public:
  // `grace`: how long after its expiry a token can still be accepted (the
  // verifier's leeway); an entry is kept that much longer.
  explicit RevocationSet(std::chrono::seconds grace = std::chrono::seconds(0));

  void apply(const Event& event);
  // Everything in force, as a snapshot says it: the old contents are dropped.
  void replace(const std::vector<Event>& events);

  // A token without `iat` cannot prove it came after a cutoff, so any cutoff
  // of its user revokes it. Thread-safe; many readers at once.
  [[nodiscard]] bool is_revoked(const TokenFacts& token) const;

  // Forgets entries that can no longer match an unexpired token; returns how
  // many. `now` in seconds since the epoch.
  std::size_t drop_expired(std::int64_t now);

  struct Size {
    std::size_t tokens = 0;
    std::size_t users = 0;
  };
  [[nodiscard]] Size size() const;

 private:
  struct Cutoff {
    std::int64_t not_before = 0;
    std::int64_t expires_at = 0;  // 0: keep
  };
  void apply_locked(const Event& event);

  // Lets find() take a string_view: no allocation per verified token.
  struct TransparentHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const noexcept {
      return std::hash<std::string_view>{}(text);
    }
  };
  template <class T>
  using ByString = std::unordered_map<std::string, T, TransparentHash, std::equal_to<>>;

  std::int64_t grace_;
  mutable std::shared_mutex mutex_;
  ByString<std::int64_t> tokens_;  // jti → expires_at
  ByString<Cutoff> cutoffs_;       // user id → cutoff
};

}  // namespace shared::revocation
