#include "auth/adapters/crypto/cpp_jwt_token_issuer.hpp"

#include <array>
#include <cstdio>
#include <thread>

#include <jwt/jwt.hpp>
#include <openssl/rand.h>

#include "auth/domain/cutoff.hpp"

namespace auth::adapters::crypto {
namespace {

// 128 random bits as 32 hex digits; nullopt if the CSPRNG fails.
std::optional<std::string> random_jti() {
  std::array<unsigned char, 16> bytes{};
  if (RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) != 1) return std::nullopt;
  std::string hex;
  hex.reserve(32);
  for (unsigned char b : bytes) {
    char digits[3];
    std::snprintf(digits, sizeof digits, "%02x", b);
    hex += digits;
  }
  return hex;
}

}  // namespace

CppJwtTokenIssuer::CppJwtTokenIssuer(TokenIssuerSettings settings, const shared::time::Clock& clock)
    : settings_(std::move(settings)), clock_(clock) {}

shared::Result<domain::IssuedToken> CppJwtTokenIssuer::issue(const domain::User& user,
                                                             std::int64_t not_before) {
  const auto jti = random_jti();
  if (!jti) return shared::Error::internal("no randomness for jti");
  const auto now = clock_.now();
  const std::int64_t iat = domain::issue_time(now, not_before);
  const std::int64_t exp = iat + settings_.lifetime.count();
  // Right after this user's cutoff, in its own second: wait for the next
  // second rather than date the token ahead of the clock, which a verifier
  // with JWT_LEEWAY=0 would refuse as not yet valid (cutoff.hpp).
  const shared::time::Timestamp dated{std::chrono::seconds(iat)};
  if (dated > now) std::this_thread::sleep_for(dated - now);
  try {
    jwt::jwt_object token{jwt::params::algorithm("HS256"), jwt::params::secret(settings_.secret)};
    // Claim and header names are string literals on purpose: cpp-jwt keeps
    // them as string_views.
    token.add_claim("sub", user.id);
    token.add_claim("email", user.email.value());
    token.add_claim("iat", iat);
    token.add_claim("exp", exp);
    if (!settings_.issuer.empty()) token.add_claim("iss", settings_.issuer);
    if (!settings_.audience.empty()) token.add_claim("aud", settings_.audience);
    token.add_claim("jti", *jti);
    if (settings_.key_id) token.header().add_header("kid", *settings_.key_id);
    std::error_code error;
    std::string signed_token = token.signature(error);
    if (error) return shared::Error::internal("token signing failed: " + error.message());
    return domain::IssuedToken{std::move(signed_token), settings_.lifetime, *jti, iat, exp};
  } catch (const std::exception& e) {
    return shared::Error::internal(std::string("token signing failed: ") + e.what());
  }
}

}  // namespace auth::adapters::crypto
