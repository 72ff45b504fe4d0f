#include "auth/adapters/crypto/botan_password_hasher.hpp"

#include <stdexcept>

#include <botan/bcrypt.h>
#include <botan/hex.h>
#include <botan/system_rng.h>

#include "shared/log/logging.hpp"

namespace auth::adapters::crypto {

BotanPasswordHasher::BotanPasswordHasher(int cost) : cost_(cost) {
  if (cost < kMinCost || cost > kMaxCost) {
    throw std::invalid_argument("bcrypt cost must be between 10 and 15");
  }
  const auto secret = Botan::hex_encode(Botan::system_rng().random_vec(32));
  dummy_hash_ =
      Botan::generate_bcrypt(secret, Botan::system_rng(), static_cast<uint16_t>(cost_), 'b');
}

shared::Result<std::string> BotanPasswordHasher::hash(const domain::PlainPassword& password) {
  try {
    return Botan::generate_bcrypt(password.reveal(), Botan::system_rng(),
                                  static_cast<uint16_t>(cost_), 'b');
  } catch (const std::exception& e) {
    // Botan's messages never include the password.
    return shared::Error::internal(std::string("bcrypt failed: ") + e.what());
  }
}

bool BotanPasswordHasher::matches(std::string_view password, const std::string& hash) {
  try {
    return Botan::check_bcrypt(std::string(password), hash);
  } catch (const std::exception&) {
    // A stored hash Botan cannot parse: this user cannot log in until it is
    // reset, which an operator should hear about. Not Botan's message: it
    // quotes the offending character of the hash.
    shared::log::warn("stored password hash is unreadable");
    return false;
  }
}

// "$2b$12$<53 characters>": the cost is the two digits after the second '$'.
bool BotanPasswordHasher::needs_rehash(const std::string& hash) const {
  if (hash.size() < 7 || hash[0] != '$' || hash[3] != '$' || hash[6] != '$') return false;
  const char tens = hash[4];
  const char ones = hash[5];
  if (tens < '0' || tens > '9' || ones < '0' || ones > '9') return false;
  return (tens - '0') * 10 + (ones - '0') != cost_;
}

void BotanPasswordHasher::spend_equivalent_effort(std::string_view password) {
  static_cast<void>(Botan::check_bcrypt(std::string(password), dummy_hash_));
}

}  // namespace auth::adapters::crypto
