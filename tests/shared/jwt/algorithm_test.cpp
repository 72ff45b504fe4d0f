// The header's `alg` must be exactly "HS256": anything else is refused before
// a signature is even looked at.
#include "shared/jwt/verifier_fixture.hpp"

using test::forge_token;
using test::forge_token_with_signature;
using test::require_rejected;

TEST_CASE("alg: a valid HS256 token is accepted and its claims returned") {
  const auto result = test::make_verifier().verify(test::signed_token(test::valid_claims()));
  test::require_accepted(result);
  CHECK(result.value().email == std::optional<std::string>("ada@example.com"));
  CHECK(result.value().expires_at == test::kNow + 3600);
}

TEST_CASE("alg: none in any spelling is refused, with an empty or a garbage signature") {
  const auto verifier = test::make_verifier();
  const std::string claims = test::valid_claims().dump();
  for (const std::string alg : {"none", "None", "NONE", "nOnE"}) {
    const std::string header = R"({"alg":")" + alg + R"(","typ":"JWT"})";
    INFO("alg " << alg);
    require_rejected(verifier.verify(forge_token_with_signature(header, claims, "")),
                     "Unsupported token algorithm");
    require_rejected(verifier.verify(forge_token_with_signature(header, claims, "garbage")),
                     "Unsupported token algorithm");
    require_rejected(verifier.verify(forge_token(header, claims, test::kSecret)),
                     "Unsupported token algorithm");
  }
}

TEST_CASE("alg: HS512 and HS384 are refused even when correctly signed with the secret") {
  const auto verifier = test::make_verifier();
  const std::string claims = test::valid_claims().dump();
  require_rejected(verifier.verify(forge_token(R"({"alg":"HS512","typ":"JWT"})", claims,
                                               test::kSecret, test::JwtAlgorithm::kHS512)),
                   "Unsupported token algorithm");
  require_rejected(verifier.verify(forge_token(R"({"alg":"HS384","typ":"JWT"})", claims,
                                               test::kSecret, test::JwtAlgorithm::kHS384)),
                   "Unsupported token algorithm");
}

TEST_CASE("alg: an HS256 MAC under a header claiming another algorithm is refused") {
  const auto verifier = test::make_verifier();
  const std::string claims = test::valid_claims().dump();
  for (const std::string header :
       {R"({"alg":"RS256","typ":"JWT"})", R"({"alg":"ES256"})", R"({"alg":"hs256","typ":"JWT"})",
        R"({"alg":"HS256 "})", R"({"alg":""})"}) {
    INFO("header " << header);
    require_rejected(verifier.verify(forge_token(header, claims, test::kSecret)),
                     "Unsupported token algorithm");
  }
}

TEST_CASE("alg: missing or not a string is refused (and does not throw)") {
  const auto verifier = test::make_verifier();
  const std::string claims = test::valid_claims().dump();
  for (const std::string header :
       {R"({"typ":"JWT"})", R"({"alg":256})", R"({"alg":null})", R"({"alg":["HS256"]})",
        R"({"alg":{"name":"HS256"}})", R"({"alg":true})"}) {
    INFO("header " << header);
    require_rejected(verifier.verify(forge_token(header, claims, test::kSecret)),
                     "Unsupported token algorithm");
  }
}

TEST_CASE("alg: a duplicated alg member counts as its last value") {
  const auto verifier = test::make_verifier();
  const std::string claims = test::valid_claims().dump();
  require_rejected(
      verifier.verify(forge_token(R"({"alg":"HS256","alg":"none"})", claims, test::kSecret)),
      "Unsupported token algorithm");
  test::require_accepted(
      verifier.verify(forge_token(R"({"alg":"none","alg":"HS256"})", claims, test::kSecret)));
}

TEST_CASE("header: any typ (or none) is fine, a crit extension is refused") {
  const auto verifier = test::make_verifier();
  const std::string claims = test::valid_claims().dump();
  test::require_accepted(verifier.verify(forge_token(R"({"alg":"HS256"})", claims, test::kSecret)));
  test::require_accepted(
      verifier.verify(forge_token(R"({"alg":"HS256","typ":"at+jwt"})", claims, test::kSecret)));
  require_rejected(
      verifier.verify(forge_token(R"({"alg":"HS256","crit":["exp"]})", claims, test::kSecret)),
      "Invalid token");
}
