#include <stdexcept>

#include <openssl/evp.h>

#include "shared/jwt/jwt_verifier.hpp"

#include "hmac_sha256_key.hpp"

namespace shared::jwt {

std::string key_id_for(std::string_view secret) {
  constexpr std::size_t kKeyIdHexDigits = 16;
  constexpr char kHex[] = "0123456789abcdef";
  internal::Sha256Digest digest{};
  unsigned int length = 0;
  if (EVP_Digest(secret.data(), secret.size(), digest.data(), &length, EVP_sha256(), nullptr) !=
      1) {
    throw std::runtime_error("SHA-256 failed");
  }
  std::string id;
  for (std::size_t i = 0; i < kKeyIdHexDigits / 2; ++i) {
    id += kHex[digest[i] >> 4];
    id += kHex[digest[i] & 0x0f];
  }
  return id;
}

}  // namespace shared::jwt
