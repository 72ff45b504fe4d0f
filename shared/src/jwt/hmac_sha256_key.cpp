// HMAC-SHA256 with OpenSSL directly rather than cpp-jwt's HMACSign: cpp-jwt's
// verify compares the signature with operator== (not constant time) and keys
// a fresh HMAC on every call.
#include "hmac_sha256_key.hpp"

#include <stdexcept>

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/params.h>

#include "shared/jwt/jwt_verifier.hpp"

namespace shared::jwt::internal {
namespace {

EVP_MAC_CTX* new_keyed_context(std::string_view secret) {
  EVP_MAC* hmac = EVP_MAC_fetch(nullptr, OSSL_MAC_NAME_HMAC, nullptr);
  if (hmac == nullptr) throw std::runtime_error("OpenSSL has no HMAC");
  EVP_MAC_CTX* context = EVP_MAC_CTX_new(hmac);
  EVP_MAC_free(hmac);  // the context holds its own reference
  if (context == nullptr) throw std::runtime_error("cannot allocate an HMAC context");
  char digest[] = "SHA256";
  const OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest, 0),
                               OSSL_PARAM_END};
  const auto* key = reinterpret_cast<const unsigned char*>(secret.data());
  if (EVP_MAC_init(context, key, secret.size(), params) != 1) {
    EVP_MAC_CTX_free(context);
    throw std::runtime_error("cannot key HMAC-SHA256");
  }
  return context;
}

}  // namespace

void HmacSha256Key::ContextDeleter::operator()(evp_mac_ctx_st* context) const {
  EVP_MAC_CTX_free(context);
}

HmacSha256Key::HmacSha256Key(std::string_view secret)
    : prepared_(new_keyed_context(secret)), id_(key_id_for(secret)) {}

std::optional<Sha256Digest> HmacSha256Key::mac(std::string_view signing_input) const {
  // A copy per call: EVP_MAC_CTX is not safe to update from several threads.
  const std::unique_ptr<EVP_MAC_CTX, ContextDeleter> context(EVP_MAC_CTX_dup(prepared_.get()));
  if (!context) return std::nullopt;
  Sha256Digest digest{};
  std::size_t length = 0;
  const auto* input = reinterpret_cast<const unsigned char*>(signing_input.data());
  if (EVP_MAC_update(context.get(), input, signing_input.size()) != 1 ||
      EVP_MAC_final(context.get(), digest.data(), &length, digest.size()) != 1 ||
      length != kSha256Bytes) {
    return std::nullopt;
  }
  return digest;
}

bool HmacSha256Key::signed_with(std::string_view signing_input, std::string_view mac) const {
  if (mac.size() != kSha256Bytes) return false;
  const auto expected = this->mac(signing_input);
  return expected && CRYPTO_memcmp(expected->data(), mac.data(), kSha256Bytes) == 0;
}

}  // namespace shared::jwt::internal
