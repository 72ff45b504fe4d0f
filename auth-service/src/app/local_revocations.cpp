#include "auth/app/local_revocations.hpp"

#include <charconv>

namespace auth::app {
namespace {

constexpr std::size_t kPageSize = 1000;

std::int64_t parse_cursor(const std::string& text) {
  std::int64_t value = 0;
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

}  // namespace

LocalRevocations::LocalRevocations(domain::RevocationLog& log, const shared::time::Clock& clock,
                                   std::chrono::seconds grace)
    : log_(log), clock_(clock), grace_(grace), set_(grace) {}

shared::Result<void> LocalRevocations::load() {
  std::lock_guard lock(mutex_);
  return load_locked();
}

shared::Result<void> LocalRevocations::load_locked() {
  auto snapshot = log_.snapshot(shared::time::epoch_seconds(clock_.now()), grace_);
  if (!snapshot) return snapshot.error();
  set_.replace(snapshot->events);
  cursor_ = parse_cursor(snapshot->cursor);
  return {};
}

shared::Result<void> LocalRevocations::catch_up() {
  std::lock_guard lock(mutex_);
  for (;;) {
    auto page = log_.after(cursor_, kPageSize);
    if (!page) return page.error();
    // Pruned past our cursor (this replica slept through the retention):
    // start again from what is in force.
    if (!*page) return load_locked();
    for (const auto& event : (*page)->events) set_.apply(event);
    cursor_ = parse_cursor((*page)->cursor);
    if ((*page)->events.size() < kPageSize) return {};
  }
}

std::size_t LocalRevocations::drop_expired() {
  return set_.drop_expired(shared::time::epoch_seconds(clock_.now()));
}

bool LocalRevocations::is_revoked(const domain::TokenClaims& claims) const {
  std::optional<std::string_view> jti;
  if (claims.id) jti = *claims.id;
  return set_.is_revoked({claims.subject, jti, claims.issued_at});
}

std::int64_t LocalRevocations::cursor() const {
  std::lock_guard lock(mutex_);
  return cursor_;
}

}  // namespace auth::app
