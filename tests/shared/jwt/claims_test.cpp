// exp, nbf, iat, iss, aud and sub, each on a correctly signed token.
#include "shared/jwt/verifier_fixture.hpp"

using nlohmann::json;
using test::kNow;
using test::require_accepted;
using test::require_rejected;

namespace {
shared::Result<shared::jwt::VerifiedToken> verify_claims(const json& claims) {
  return test::make_verifier().verify(test::signed_token(claims));
}
json with(const char* name, json value) {
  auto claims = test::valid_claims();
  claims[name] = std::move(value);
  return claims;
}
json without(const char* name) {
  auto claims = test::valid_claims();
  claims.erase(name);
  return claims;
}
}  // namespace

TEST_CASE("exp: required") {
  require_rejected(verify_claims(without("exp")), "Invalid token claims");
}

TEST_CASE("exp: must be a JSON number, not a string, bool, null, array or object") {
  for (const json& bad : {json("soon"), json(std::to_string(kNow + 3600)), json(true),
                          json(nullptr), json::array({kNow + 3600}), json::object()}) {
    INFO("exp " << bad.dump());
    require_rejected(verify_claims(with("exp", bad)), "Invalid token claims");
  }
}

TEST_CASE("exp: a raw \"exp\":\"soon\" payload is refused") {
  const std::string payload =
      R"({"sub":"user-42","exp":"soon","iss":"todo-auth","aud":"todo-api"})";
  require_rejected(
      test::make_verifier().verify(test::forge_token(test::kHs256Header, payload, test::kSecret)),
      "Invalid token claims");
}

TEST_CASE("exp: expired beyond the leeway is refused") {
  require_rejected(verify_claims(with("exp", kNow - 31)), "Token expired");
  require_rejected(verify_claims(with("exp", kNow - 30)), "Token expired");  // now < exp + leeway
  require_rejected(verify_claims(with("exp", -1)), "Token expired");
  require_rejected(verify_claims(with("exp", 0)), "Token expired");
}

TEST_CASE("exp: expired but within the leeway is accepted") {
  require_accepted(verify_claims(with("exp", kNow - 29)));
  require_accepted(verify_claims(with("exp", kNow)));
}

TEST_CASE("exp: with zero leeway, expiry is exact") {
  auto settings = test::test_settings();
  settings.leeway = std::chrono::seconds(0);
  const auto verifier = test::make_verifier(settings);
  require_rejected(verifier.verify(test::signed_token(with("exp", kNow))), "Token expired");
  require_accepted(verifier.verify(test::signed_token(with("exp", kNow + 1))));
}

TEST_CASE("exp: floats are numbers too, and expires_at is whole seconds") {
  const auto result = verify_claims(with("exp", kNow + 100.75));
  require_accepted(result);
  CHECK(result.value().expires_at == kNow + 100);
  require_rejected(verify_claims(with("exp", kNow - 30.5)), "Token expired");
}

TEST_CASE("exp: huge values do not overflow") {
  const auto far = verify_claims(with("exp", 18446744073709551615ull));
  require_accepted(far);
  CHECK(far.value().expires_at == std::numeric_limits<std::int64_t>::max());
  require_accepted(verify_claims(with("exp", 1e300)));
  require_rejected(verify_claims(with("exp", -9223372036854775807LL - 1)), "Token expired");
  const std::string payload = R"({"sub":"u","exp":1e999,"iss":"todo-auth","aud":"todo-api"})";
  CHECK_FALSE(test::make_verifier()
                  .verify(test::forge_token(test::kHs256Header, payload, test::kSecret))
                  .ok());
}

TEST_CASE("nbf: in the future beyond the leeway is refused, within it accepted") {
  require_rejected(verify_claims(with("nbf", kNow + 31)), "Token not yet valid");
  require_accepted(verify_claims(with("nbf", kNow + 30)));
  require_accepted(verify_claims(with("nbf", kNow - 1000)));
  require_rejected(verify_claims(with("nbf", "later")), "Invalid token claims");
  require_rejected(verify_claims(with("nbf", false)), "Invalid token claims");
}

TEST_CASE("iat: optional, but in the future beyond the leeway is refused") {
  require_rejected(verify_claims(with("iat", kNow + 31)), "Token not yet valid");
  require_accepted(verify_claims(with("iat", kNow + 30)));
  require_accepted(verify_claims(without("iat")));
  require_rejected(verify_claims(with("iat", "yesterday")), "Invalid token claims");
  require_rejected(verify_claims(with("iat", nullptr)), "Invalid token claims");
}

TEST_CASE("iss: must match the configured issuer") {
  require_rejected(verify_claims(with("iss", "someone-else")), "Invalid token issuer");
  require_rejected(verify_claims(without("iss")), "Invalid token issuer");
  require_rejected(verify_claims(with("iss", json::array({"todo-auth"}))), "Invalid token issuer");
  require_rejected(verify_claims(with("iss", "TODO-AUTH")), "Invalid token issuer");
}

TEST_CASE("aud: must equal the audience or be an array containing it") {
  require_rejected(verify_claims(with("aud", "other-api")), "Invalid token audience");
  require_rejected(verify_claims(without("aud")), "Invalid token audience");
  require_accepted(verify_claims(with("aud", json::array({"other-api", "todo-api"}))));
  require_rejected(verify_claims(with("aud", json::array({"other-api", "todo-api-2"}))),
                   "Invalid token audience");
  require_rejected(verify_claims(with("aud", json::array())), "Invalid token audience");
  require_rejected(verify_claims(with("aud", 7)), "Invalid token audience");
}

TEST_CASE("iss/aud: empty settings disable the checks") {
  auto settings = test::test_settings();
  settings.issuer.clear();
  settings.audience.clear();
  const auto verifier = test::make_verifier(settings);
  auto claims = test::valid_claims();
  claims.erase("iss");
  claims.erase("aud");
  require_accepted(verifier.verify(test::signed_token(claims)));
  claims["iss"] = "legacy-issuer";
  claims["aud"] = 42;
  require_accepted(verifier.verify(test::signed_token(claims)));
}

TEST_CASE("iss/aud: each check is disabled separately") {
  auto no_issuer = test::test_settings();
  no_issuer.issuer.clear();
  require_accepted(test::make_verifier(no_issuer).verify(test::signed_token(without("iss"))));
  require_rejected(test::make_verifier(no_issuer).verify(test::signed_token(without("aud"))),
                   "Invalid token audience");
  auto no_audience = test::test_settings();
  no_audience.audience.clear();
  require_accepted(test::make_verifier(no_audience).verify(test::signed_token(without("aud"))));
  require_rejected(test::make_verifier(no_audience).verify(test::signed_token(without("iss"))),
                   "Invalid token issuer");
}

TEST_CASE("sub: a non-empty string is required") {
  require_rejected(verify_claims(with("sub", "")), "Invalid token subject");
  require_rejected(verify_claims(with("sub", 42)), "Invalid token subject");
  require_rejected(verify_claims(with("sub", nullptr)), "Invalid token subject");
  require_rejected(verify_claims(without("sub")), "Invalid token subject");
}

TEST_CASE("email: returned when a string, absent otherwise") {
  const auto without_email = verify_claims(without("email"));
  require_accepted(without_email);
  CHECK_FALSE(without_email.value().email.has_value());
  const auto numeric_email = verify_claims(with("email", 5));
  require_accepted(numeric_email);
  CHECK_FALSE(numeric_email.value().email.has_value());
}

TEST_CASE("jti and iat: returned when present, absent otherwise") {
  auto claims = test::valid_claims();
  claims["jti"] = "f3a1c0de9b7e4d2a8c6b5a4f3e2d1c0b";
  claims["iat"] = kNow - 90.7;  // a float is floored, as exp is
  const auto full = verify_claims(claims);
  require_accepted(full);
  CHECK(full.value().id == "f3a1c0de9b7e4d2a8c6b5a4f3e2d1c0b");
  CHECK(full.value().issued_at == kNow - 91);

  claims.erase("iat");
  claims["jti"] = 42;  // not a string: no id
  const auto bare = verify_claims(claims);
  require_accepted(bare);
  CHECK_FALSE(bare.value().id.has_value());
  CHECK_FALSE(bare.value().issued_at.has_value());
}
