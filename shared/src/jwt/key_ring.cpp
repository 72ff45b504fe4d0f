#include "key_ring.hpp"

#include <stdexcept>

namespace shared::jwt::internal {

namespace {

constexpr std::size_t kMinSecretBytes = 32;

void require_strong(const std::string& secret) {
  if (secret.size() < kMinSecretBytes) {
    throw std::invalid_argument("JwtVerifier: every secret must be at least 32 bytes");
  }
}

}  // namespace

KeyRing::KeyRing(const config::JwtSettings& settings) {
  require_strong(settings.secret);
  for (const auto& previous : settings.previous_secrets) require_strong(previous);
  keys_.reserve(1 + settings.previous_secrets.size());
  keys_.emplace_back(settings.secret);
  for (const auto& previous : settings.previous_secrets) keys_.emplace_back(previous);
}

SignatureCheck KeyRing::check(std::optional<std::string_view> kid, std::string_view signing_input,
                              std::string_view mac) const {
  bool named_key_found = false;
  for (const HmacSha256Key& key : keys_) {
    if (kid && key.id() != *kid) continue;
    named_key_found = true;
    if (key.signed_with(signing_input, mac)) return SignatureCheck::kValid;
  }
  return named_key_found ? SignatureCheck::kInvalid : SignatureCheck::kUnknownKey;
}

}  // namespace shared::jwt::internal
