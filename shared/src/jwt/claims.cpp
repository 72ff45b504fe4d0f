#include "claims.hpp"

#include <cmath>
#include <limits>
#include <optional>

#include "rejection.hpp"

namespace shared::jwt::internal {
namespace {

using Json = nlohmann::json;

// JSON numbers only (an integer or a float, not a numeric string or a bool);
// nullopt also for ±inf, which nlohmann yields for literals like 1e999.
std::optional<double> numeric_date(const Json& value) {
  if (!value.is_number()) return std::nullopt;
  const double seconds = value.get<double>();
  if (!std::isfinite(seconds)) return std::nullopt;
  return seconds;
}

std::int64_t whole_seconds(const Json& exp) {
  if (exp.is_number_integer() && !exp.is_number_unsigned()) return exp.get<std::int64_t>();
  const double seconds = std::floor(exp.get<double>());
  constexpr auto kMax = std::numeric_limits<std::int64_t>::max();
  constexpr auto kMin = std::numeric_limits<std::int64_t>::min();
  if (seconds >= static_cast<double>(kMax)) return kMax;  // 2^63 as double
  if (seconds <= static_cast<double>(kMin)) return kMin;
  return static_cast<std::int64_t>(seconds);
}

bool audience_matches(const Json& aud, std::string_view expected) {
  if (aud.is_string()) return aud.get_ref<const std::string&>() == expected;
  if (!aud.is_array()) return false;
  for (const Json& item : aud) {
    if (item.is_string() && item.get_ref<const std::string&>() == expected) return true;
  }
  return false;
}

// Rejection reason for the time claims, or nullptr when they pass.
const char* time_problem(const Json& claims, const ClaimRules& rules, double now) {
  const auto exp_claim = claims.find("exp");
  if (exp_claim == claims.end()) return kBadClaims;
  const auto exp = numeric_date(*exp_claim);
  if (!exp) return kBadClaims;
  if (!(now < *exp + rules.leeway_seconds)) return kExpired;
  for (const char* name : {"nbf", "iat"}) {
    const auto claim = claims.find(name);
    if (claim == claims.end()) continue;
    const auto when = numeric_date(*claim);
    if (!when) return kBadClaims;
    if (*when > now + rules.leeway_seconds) return kNotYetValid;
  }
  return nullptr;
}

}  // namespace

Result<VerifiedToken> check_claims(const Json& claims, const ClaimRules& rules,
                                   double now_seconds) {
  if (const char* problem = time_problem(claims, rules, now_seconds)) return rejected(problem);
  if (!rules.issuer.empty()) {
    const auto iss = claims.find("iss");
    if (iss == claims.end() || !iss->is_string() ||
        iss->get_ref<const std::string&>() != rules.issuer) {
      return rejected(kWrongIssuer);
    }
  }
  if (!rules.audience.empty()) {
    const auto aud = claims.find("aud");
    if (aud == claims.end() || !audience_matches(*aud, rules.audience)) {
      return rejected(kWrongAudience);
    }
  }
  const auto sub = claims.find("sub");
  if (sub == claims.end() || !sub->is_string() || sub->get_ref<const std::string&>().empty()) {
    return rejected(kBadSubject);
  }

  VerifiedToken token;
  token.subject = sub->get<std::string>();
  token.expires_at = whole_seconds(claims.at("exp"));
  const auto email = claims.find("email");
  if (email != claims.end() && email->is_string()) token.email = email->get<std::string>();
  // Revocation names a token by `jti` and a user's older tokens by `iat`;
  // both are optional here (tokens from older systems may lack them), and a
  // present `iat` has already passed time_problem, so it is a number.
  const auto jti = claims.find("jti");
  if (jti != claims.end() && jti->is_string()) token.id = jti->get<std::string>();
  const auto iat = claims.find("iat");
  if (iat != claims.end()) token.issued_at = whole_seconds(*iat);
  return token;
}

}  // namespace shared::jwt::internal
