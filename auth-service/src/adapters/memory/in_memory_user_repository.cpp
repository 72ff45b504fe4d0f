#include "auth/adapters/memory/in_memory_user_repository.hpp"

#include <algorithm>
#include <cstdio>

namespace auth::adapters::memory {

InMemoryUserRepository::InMemoryUserRepository(const shared::time::Clock& clock)
    : clock_(clock), random_(std::random_device{}()) {}

shared::Result<domain::User> InMemoryUserRepository::add(const domain::NewUser& user) {
  std::lock_guard lock(mutex_);
  const bool taken = std::any_of(by_id_.begin(), by_id_.end(), [&](const auto& entry) {
    return entry.second.email == user.email;
  });
  if (taken) return shared::Error::already_exists(domain::kEmailTaken);
  const auto now = std::chrono::time_point_cast<std::chrono::microseconds>(clock_.now());
  domain::User stored{new_uuid(), user.email, user.password_hash, now, now};
  by_id_.emplace(stored.id, stored);
  return stored;
}

shared::Result<std::optional<domain::User>> InMemoryUserRepository::find_by_email(
    const domain::Email& email) {
  std::lock_guard lock(mutex_);
  for (const auto& [id, user] : by_id_) {
    if (user.email == email) return std::optional<domain::User>(user);
  }
  return std::optional<domain::User>();
}

shared::Result<std::optional<domain::User>> InMemoryUserRepository::find_by_id(
    const std::string& id) {
  std::lock_guard lock(mutex_);
  const auto found = by_id_.find(id);
  if (found == by_id_.end()) return std::optional<domain::User>();
  return std::optional<domain::User>(found->second);
}

void InMemoryUserRepository::remove(const std::string& id) {
  std::lock_guard lock(mutex_);
  by_id_.erase(id);
}

shared::Result<bool> InMemoryUserRepository::rehash_password(const std::string& id,
                                                             const std::string& old_hash,
                                                             const std::string& new_hash) {
  std::lock_guard lock(mutex_);
  const auto found = by_id_.find(id);
  if (found == by_id_.end() || found->second.password_hash != old_hash) return false;
  found->second.password_hash = new_hash;
  return true;
}

void InMemoryUserRepository::set_password_hash(const std::string& id, std::string hash) {
  std::lock_guard lock(mutex_);
  const auto found = by_id_.find(id);
  if (found != by_id_.end()) found->second.password_hash = std::move(hash);
}

// Version-4 layout, so ids look like the ones PostgreSQL's gen_random_uuid() makes.
std::string InMemoryUserRepository::new_uuid() {
  const std::uint64_t high = (random_() & 0xFFFFFFFFFFFF0FFFULL) | 0x0000000000004000ULL;
  const std::uint64_t low = (random_() & 0x3FFFFFFFFFFFFFFFULL) | 0x8000000000000000ULL;
  char text[37];
  std::snprintf(text, sizeof text, "%08x-%04x-%04x-%04x-%012llx", static_cast<unsigned>(high >> 32),
                static_cast<unsigned>((high >> 16) & 0xFFFF), static_cast<unsigned>(high & 0xFFFF),
                static_cast<unsigned>(low >> 48),
                static_cast<unsigned long long>(low & 0xFFFFFFFFFFFFULL));
  return text;
}

}  // namespace auth::adapters::memory
