// Service tokens are verified by the same JwtVerifier as user tokens (every
// rule of the contract applies), configured with their own secret and
// audience; only the lifetime cap is added here.
#include "shared/jwt/service_token.hpp"

#include <stdexcept>

#include <nlohmann/json.hpp>
#include <openssl/rand.h>

#include "base64url.hpp"
#include "hmac_sha256_key.hpp"
#include "rejection.hpp"

namespace shared::jwt {
namespace {

config::JwtSettings verifier_settings(std::string_view secret, std::chrono::seconds leeway) {
  config::JwtSettings settings;
  settings.secret = std::string(secret);
  settings.issuer = "";  // a service token names its caller in `sub`, not `iss`
  settings.audience = std::string(kServiceAudience);
  settings.leeway = leeway;
  return settings;
}

std::string random_jti() {
  unsigned char bytes[16];
  if (RAND_bytes(bytes, sizeof bytes) != 1) throw std::runtime_error("no randomness for a jti");
  return internal::encode_base64url(
      std::string_view(reinterpret_cast<const char*>(bytes), sizeof bytes));
}

}  // namespace

ServiceTokens::ServiceTokens(std::string_view secret, std::chrono::seconds leeway,
                             const time::Clock& clock)
    : clock_(&clock),
      leeway_(leeway),
      key_(std::make_unique<internal::HmacSha256Key>(secret)),
      verifier_(verifier_settings(secret, leeway), clock) {}

ServiceTokens::~ServiceTokens() = default;

std::string ServiceTokens::mint(std::string_view service, std::chrono::seconds lifetime) const {
  const auto now = time::epoch_seconds(clock_->now());
  const auto seconds = std::clamp(lifetime, std::chrono::seconds(1), kMaxServiceTokenLifetime);
  const nlohmann::json payload = {{"sub", service},
                                  {"aud", kServiceAudience},
                                  {"iat", now},
                                  {"exp", now + seconds.count()},
                                  {"jti", random_jti()}};
  std::string token = internal::encode_base64url(R"({"alg":"HS256","typ":"JWT"})");
  token += '.';
  token += internal::encode_base64url(payload.dump());
  const auto mac = key_->mac(token);
  if (!mac) throw std::runtime_error("HMAC-SHA256 failed");
  token += '.';
  token += internal::encode_base64url(
      std::string_view(reinterpret_cast<const char*>(mac->data()), mac->size()));
  return token;
}

Result<std::string> ServiceTokens::verify(std::string_view token) const {
  auto verified = verifier_.verify(token);
  if (!verified) return verified.error();
  // A long-lived service token would be a standing credential if it leaked.
  if (verified->expires_at >
      time::epoch_seconds(clock_->now()) + (kMaxServiceTokenLifetime + leeway_).count()) {
    return internal::rejected(internal::kInvalidToken);
  }
  return std::move(verified->subject);
}

}  // namespace shared::jwt
