#include "auth/adapters/crypto/botan_refresh_token_generator.hpp"

#include <algorithm>
#include <exception>

#include <botan/base64.h>
#include <botan/hash.h>
#include <botan/hex.h>
#include <botan/system_rng.h>

namespace auth::adapters::crypto {
namespace {

constexpr std::size_t kTokenBytes = 32;

std::string base64url(const std::vector<std::uint8_t>& bytes) {
  std::string text = Botan::base64_encode(bytes);
  std::replace(text.begin(), text.end(), '+', '-');
  std::replace(text.begin(), text.end(), '/', '_');
  text.erase(std::find(text.begin(), text.end(), '='), text.end());
  return text;
}

}  // namespace

shared::Result<domain::RefreshSecret> BotanRefreshTokenGenerator::generate() {
  try {
    const auto bytes = Botan::system_rng().random_vec(kTokenBytes);
    auto token = base64url(std::vector<std::uint8_t>(bytes.begin(), bytes.end()));
    auto token_hash = hash(token);
    return domain::RefreshSecret{std::move(token), std::move(token_hash)};
  } catch (const std::exception& e) {
    return shared::Error::internal(std::string("no randomness for a refresh token: ") + e.what());
  }
}

std::string BotanRefreshTokenGenerator::hash(std::string_view token) const {
  const auto sha256 = Botan::HashFunction::create_or_throw("SHA-256");
  sha256->update(reinterpret_cast<const std::uint8_t*>(token.data()), token.size());
  return Botan::hex_encode(sha256->final(), false);
}

}  // namespace auth::adapters::crypto
