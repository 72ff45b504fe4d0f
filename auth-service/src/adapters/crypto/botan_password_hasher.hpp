#pragma once
// PasswordHasher with Botan's bcrypt. New hashes are `$2b$` at the configured
// cost; checks accept `$2a$`, `$2b$` and `$2y$` hashes from any library
// (passlib, python-bcrypt), whatever cost they were made with.
//
// Synchronous and CPU-bound by design: callers run it on the bounded worker
// pool (adapters/workers), never on an HTTP thread.

#include <string>

#include "auth/domain/ports/password_hasher.hpp"

namespace auth::adapters::crypto {

class BotanPasswordHasher final : public domain::PasswordHasher {
 public:
  static constexpr int kMinCost = 10;
  static constexpr int kMaxCost = 15;

  // Computes the dummy hash (one bcrypt at `cost`), so construct it once at
  // start-up. Throws std::invalid_argument for a cost outside [10, 15].
  explicit BotanPasswordHasher(int cost);

  shared::Result<std::string> hash(const domain::PlainPassword& password) override;
  bool matches(std::string_view password, const std::string& hash) override;
  bool needs_rehash(const std::string& hash) const override;
  void spend_equivalent_effort(std::string_view password) override;

 private:
  const int cost_;
  std::string dummy_hash_;  // of a random password nobody knows
};

}  // namespace auth::adapters::crypto
