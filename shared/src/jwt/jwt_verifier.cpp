// JwtVerifier: the contract's rules in the order that does the least work for
// an attacker's input: size, shape, header, signature, and only then the
// payload (an unauthenticated payload is never parsed).
//
// Why not cpp-jwt's jwt::decode (the project's JWT library is still used for
// base64url decoding, see base64url.cpp): in 1.4 it returns the payload even
// when verification failed, accepts a token without `exp`, matches `alg`
// case-insensitively ("hs256" passes), throws from the error_code overload
// when `alg` is not a string, decodes malformed base64 leniently, compares the
// signature with operator== (not constant time), checks claims against the
// system clock (no injectable clock), rejects `aud` arrays, ignores `iat` in
// the future, and cannot try several secrets or select one by `kid`.
#include "shared/jwt/jwt_verifier.hpp"

#include <nlohmann/json.hpp>

#include "base64url.hpp"
#include "claims.hpp"
#include "key_ring.hpp"
#include "rejection.hpp"

namespace shared::jwt {
namespace {

using internal::rejected;
using Json = nlohmann::json;

struct TokenParts {
  std::string_view header;
  std::string_view payload;
  std::string_view signature;
  std::string_view signing_input;  // "header.payload", what the MAC covers
};

// Exactly three segments separated by two dots (emptiness is checked later).
std::optional<TokenParts> split(std::string_view token) {
  const auto first_dot = token.find('.');
  if (first_dot == std::string_view::npos) return std::nullopt;
  const auto second_dot = token.find('.', first_dot + 1);
  if (second_dot == std::string_view::npos) return std::nullopt;
  if (token.find('.', second_dot + 1) != std::string_view::npos) return std::nullopt;
  return TokenParts{token.substr(0, first_dot),
                    token.substr(first_dot + 1, second_dot - first_dot - 1),
                    token.substr(second_dot + 1), token.substr(0, second_dot)};
}

// A base64url segment holding a JSON object, or a discarded/non-object value.
Json decode_object(std::string_view segment) {
  const auto text = internal::decode_base64url(segment);
  if (!text || text->empty()) return Json(Json::value_t::discarded);
  // No exceptions: invalid JSON, invalid UTF-8 and trailing bytes all give
  // `discarded`. Duplicate members keep the last, as RFC 7515 §4 allows.
  Json value = Json::parse(*text, nullptr, /*allow_exceptions=*/false);
  return value.is_object() ? value : Json(Json::value_t::discarded);
}

std::optional<std::string_view> string_member(const Json& object, const char* name) {
  const auto member = object.find(name);
  if (member == object.end() || !member->is_string()) return std::nullopt;
  return member->get_ref<const std::string&>();
}

Result<void> check_header(const Json& header) {
  if (string_member(header, "alg") != std::optional<std::string_view>("HS256")) {
    return rejected(internal::kUnsupportedAlgorithm);
  }
  // RFC 7515 §4.1.11: extensions we do not implement must not be ignored.
  if (header.contains("crit")) return rejected(internal::kInvalidToken);
  if (header.contains("kid") && !header.at("kid").is_string()) {
    return rejected(internal::kMalformedToken);
  }
  return Result<void>::success();
}

Result<void> check_signature(const internal::KeyRing& keys, const Json& header,
                             const TokenParts& parts) {
  const auto mac = internal::decode_base64url(parts.signature);
  if (!mac) return rejected(internal::kBadSignature);
  switch (keys.check(string_member(header, "kid"), parts.signing_input, *mac)) {
    case internal::SignatureCheck::kValid:
      return Result<void>::success();
    case internal::SignatureCheck::kUnknownKey:
      return rejected(internal::kUnknownKey);
    case internal::SignatureCheck::kInvalid:
      break;
  }
  return rejected(internal::kBadSignature);
}

}  // namespace

JwtVerifier::JwtVerifier(config::JwtSettings settings, const time::Clock& clock)
    : settings_(std::move(settings)),
      clock_(&clock),
      keys_(std::make_shared<const internal::KeyRing>(settings_)) {}

Result<VerifiedToken> JwtVerifier::verify(std::string_view token) const {
  try {
    if (token.size() > kMaxTokenBytes) return rejected(internal::kTokenTooLarge);
    const auto parts = split(token);
    if (!parts) return rejected(internal::kMalformedToken);
    const Json header = decode_object(parts->header);
    if (header.is_discarded()) return rejected(internal::kMalformedToken);
    if (auto ok = check_header(header); !ok) return ok.error();
    if (auto ok = check_signature(*keys_, header, *parts); !ok) return ok.error();
    const Json claims = decode_object(parts->payload);
    if (claims.is_discarded()) return rejected(internal::kMalformedToken);

    const internal::ClaimRules rules{settings_.issuer, settings_.audience,
                                     static_cast<double>(settings_.leeway.count())};
    const double now = std::chrono::duration<double>(clock_->now().time_since_epoch()).count();
    return internal::check_claims(claims, rules, now);
  } catch (...) {
    // Nothing above should throw for any input; if something does (e.g.
    // std::bad_alloc), the token is simply not accepted.
    return rejected(internal::kInvalidToken);
  }
}

}  // namespace shared::jwt
