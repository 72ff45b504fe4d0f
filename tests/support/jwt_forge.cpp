#include "support/jwt_forge.hpp"

#include <array>
#include <chrono>
#include <stdexcept>

#include <nlohmann/json.hpp>
#include <openssl/evp.h>
#include <openssl/hmac.h>

namespace test {
namespace {

const EVP_MD* digest_for(JwtAlgorithm alg) {
  switch (alg) {
    case JwtAlgorithm::kHS256:
      return EVP_sha256();
    case JwtAlgorithm::kHS384:
      return EVP_sha384();
    case JwtAlgorithm::kHS512:
      return EVP_sha512();
  }
  throw std::invalid_argument("unknown JwtAlgorithm");
}

std::string hmac(JwtAlgorithm alg, std::string_view secret, std::string_view data) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> mac{};
  unsigned int length = 0;
  const auto* input = reinterpret_cast<const unsigned char*>(data.data());
  if (HMAC(digest_for(alg), secret.data(), static_cast<int>(secret.size()), input, data.size(),
           mac.data(), &length) == nullptr) {
    throw std::runtime_error("HMAC failed");
  }
  return {reinterpret_cast<const char*>(mac.data()), length};
}

}  // namespace

std::string base64url_encode(std::string_view bytes) {
  constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string out;
  std::size_t i = 0;
  const auto byte = [&](std::size_t at) { return static_cast<unsigned char>(bytes[at]); };
  for (; i + 3 <= bytes.size(); i += 3) {
    const unsigned group = (byte(i) << 16) | (byte(i + 1) << 8) | byte(i + 2);
    for (int shift = 18; shift >= 0; shift -= 6) out += kAlphabet[(group >> shift) & 0x3f];
  }
  if (bytes.size() - i == 1) {
    const unsigned group = byte(i) << 16;
    out += kAlphabet[(group >> 18) & 0x3f];
    out += kAlphabet[(group >> 12) & 0x3f];
  } else if (bytes.size() - i == 2) {
    const unsigned group = (byte(i) << 16) | (byte(i + 1) << 8);
    out += kAlphabet[(group >> 18) & 0x3f];
    out += kAlphabet[(group >> 12) & 0x3f];
    out += kAlphabet[(group >> 6) & 0x3f];
  }
  return out;
}

std::string hs256_header_json(std::string_view kid) {
  return nlohmann::json{{"alg", "HS256"}, {"typ", "JWT"}, {"kid", std::string(kid)}}.dump();
}

std::string forge_key_id(std::string_view secret) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  if (EVP_Digest(secret.data(), secret.size(), digest.data(), &length, EVP_sha256(), nullptr) !=
      1) {
    throw std::runtime_error("SHA-256 failed");
  }
  constexpr char kHex[] = "0123456789abcdef";
  std::string id;
  for (std::size_t i = 0; i < 8; ++i) {
    id += kHex[digest[i] >> 4];
    id += kHex[digest[i] & 0x0f];
  }
  return id;
}

std::string sign_segments(std::string_view header_segment, std::string_view payload_segment,
                          std::string_view secret, JwtAlgorithm alg) {
  const std::string signing_input =
      std::string(header_segment) + "." + std::string(payload_segment);
  return signing_input + "." + base64url_encode(hmac(alg, secret, signing_input));
}

std::string forge_token(std::string_view header_json, std::string_view payload_json,
                        std::string_view secret, JwtAlgorithm alg) {
  return sign_segments(base64url_encode(header_json), base64url_encode(payload_json), secret, alg);
}

std::string forge_token_with_signature(std::string_view header_json, std::string_view payload_json,
                                       std::string_view signature_segment) {
  return base64url_encode(header_json) + "." + base64url_encode(payload_json) + "." +
         std::string(signature_segment);
}

std::string valid_claims_json(std::string_view sub, std::string_view email, std::int64_t iat,
                              std::int64_t exp, std::string_view iss, std::string_view aud) {
  return nlohmann::json{{"sub", std::string(sub)},
                        {"email", std::string(email)},
                        {"iat", iat},
                        {"exp", exp},
                        {"iss", std::string(iss)},
                        {"aud", std::string(aud)},
                        {"jti", "5f0c3c1e9b7a4d2f8e6a1b3c5d7e9f01"}}
      .dump();
}

std::int64_t unix_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace test
