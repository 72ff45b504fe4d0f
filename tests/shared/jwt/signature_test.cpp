// The HMAC must match the current secret or a previous one (only the one named
// by `kid` when there is a kid).
#include "shared/jwt/verifier_fixture.hpp"

using test::forge_token;
using test::require_rejected;

namespace {
// "header.payload.signature" → the three segments.
std::vector<std::string> segments(const std::string& token) {
  const auto first = token.find('.');
  const auto second = token.find('.', first + 1);
  return {token.substr(0, first), token.substr(first + 1, second - first - 1),
          token.substr(second + 1)};
}
}  // namespace

TEST_CASE("signature: a token signed with another secret is refused") {
  require_rejected(
      test::make_verifier().verify(test::signed_token(test::valid_claims(), test::kOtherSecret)),
      "Invalid token signature");
}

TEST_CASE("signature: a payload altered after signing is refused") {
  auto claims = test::valid_claims();
  const auto original = segments(test::signed_token(claims));
  claims["sub"] = "admin";
  const std::string tampered_payload = test::base64url_encode(claims.dump());
  const std::string tampered = original[0] + "." + tampered_payload + "." + original[2];
  require_rejected(test::make_verifier().verify(tampered), "Invalid token signature");
}

TEST_CASE("signature: an altered header is refused") {
  const auto original = segments(test::signed_token(test::valid_claims()));
  const std::string header = test::base64url_encode(R"({"alg":"HS256","typ":"JWT","x":1})");
  require_rejected(test::make_verifier().verify(header + "." + original[1] + "." + original[2]),
                   "Invalid token signature");
}

TEST_CASE("signature: empty, truncated, extended, flipped or non-base64url is refused") {
  const auto verifier = test::make_verifier();
  const auto parts = segments(test::signed_token(test::valid_claims()));
  const std::string unsigned_part = parts[0] + "." + parts[1] + ".";
  std::string flipped = parts[2];
  flipped[10] = flipped[10] == 'A' ? 'B' : 'A';
  std::string non_canonical = parts[2];  // 43 chars: the last carries 2 unused bits
  non_canonical.back() =
      non_canonical.back() == 'A' ? 'B' : static_cast<char>(non_canonical.back() + 1);
  for (const std::string& signature :
       {std::string(), parts[2].substr(0, 42), parts[2] + "A", parts[2] + "AAAA", flipped,
        parts[2] + "=", std::string(43, '*'), test::base64url_encode(std::string(32, '\0')),
        test::base64url_encode(parts[2])}) {
    INFO("signature segment " << signature);
    require_rejected(verifier.verify(unsigned_part + signature), "Invalid token signature");
  }
  INFO("non-canonical " << non_canonical);
  const auto result = verifier.verify(unsigned_part + non_canonical);
  CHECK_FALSE(result.ok());
}

TEST_CASE("rotation: a token signed with a previous secret is accepted") {
  test::require_accepted(test::make_verifier().verify(
      test::signed_token(test::valid_claims(), test::kPreviousSecret)));
}

TEST_CASE("rotation: without previous secrets, an old token is refused") {
  auto settings = test::test_settings();
  settings.previous_secrets.clear();
  require_rejected(test::make_verifier(settings).verify(
                       test::signed_token(test::valid_claims(), test::kPreviousSecret)),
                   "Invalid token signature");
}

TEST_CASE("kid: names the secret to use, and only that one") {
  const auto verifier = test::make_verifier();
  const std::string claims = test::valid_claims().dump();
  const std::string previous_kid = test::forge_key_id(test::kPreviousSecret);
  const std::string current_kid = test::forge_key_id(test::kSecret);

  test::require_accepted(verifier.verify(
      forge_token(test::hs256_header_json(previous_kid), claims, test::kPreviousSecret)));
  test::require_accepted(
      verifier.verify(forge_token(test::hs256_header_json(current_kid), claims, test::kSecret)));
  // Signed with the current secret but naming the previous one: only the
  // previous secret is tried, so it fails although the current one would pass.
  require_rejected(
      verifier.verify(forge_token(test::hs256_header_json(previous_kid), claims, test::kSecret)),
      "Invalid token signature");
  require_rejected(verifier.verify(forge_token(test::hs256_header_json(current_kid), claims,
                                               test::kPreviousSecret)),
                   "Invalid token signature");
}

TEST_CASE("kid: an unknown kid is refused even with a valid signature") {
  const auto verifier = test::make_verifier();
  const std::string claims = test::valid_claims().dump();
  require_rejected(verifier.verify(forge_token(test::hs256_header_json("0123456789abcdef"), claims,
                                               test::kSecret)),
                   "Unknown token key");
  require_rejected(verifier.verify(forge_token(test::hs256_header_json(""), claims, test::kSecret)),
                   "Unknown token key");
  require_rejected(
      verifier.verify(forge_token(test::hs256_header_json(test::forge_key_id(test::kOtherSecret)),
                                  claims, test::kOtherSecret)),
      "Unknown token key");
}

TEST_CASE("kid: a kid that is not a string is refused") {
  const std::string claims = test::valid_claims().dump();
  test::require_rejected(test::make_verifier().verify(
                             forge_token(R"({"alg":"HS256","kid":12345})", claims, test::kSecret)),
                         "Malformed token");
}

TEST_CASE("key_id_for: first 16 lowercase hex digits of SHA-256(secret)") {
  CHECK(shared::jwt::key_id_for(test::kSecret) == test::forge_key_id(test::kSecret));
  CHECK(shared::jwt::key_id_for("abc") == "ba7816bf8f01cfea");  // FIPS 180-2 test vector
  CHECK(shared::jwt::key_id_for("") == "e3b0c44298fc1c14");
  CHECK(shared::jwt::key_id_for(test::kSecret) != shared::jwt::key_id_for(test::kPreviousSecret));
}

TEST_CASE("construction: a secret or previous secret under 32 bytes is refused") {
  auto short_current = test::test_settings();
  short_current.secret = std::string(31, 's');
  CHECK_THROWS_AS(shared::jwt::JwtVerifier(short_current), std::invalid_argument);
  auto empty_current = test::test_settings();
  empty_current.secret.clear();
  CHECK_THROWS_AS(shared::jwt::JwtVerifier(empty_current), std::invalid_argument);
  auto short_previous = test::test_settings();
  short_previous.previous_secrets.push_back("short");
  CHECK_THROWS_AS(shared::jwt::JwtVerifier(short_previous), std::invalid_argument);
  CHECK_NOTHROW(shared::jwt::JwtVerifier(test::test_settings()));
}
