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

void BotanPasswordHasher::spend_equivalent_effort(std::string_view password) {
  static_cast<void>(Botan::check_bcrypt(std::string(password), dummy_hash_));
}

}  // namespace auth::adapters::crypto
