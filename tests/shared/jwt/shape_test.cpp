// Size and shape: refused before (or instead of) any cryptography.
#include "shared/jwt/verifier_fixture.hpp"

using test::base64url_encode;
using test::require_rejected;

namespace {
const std::string kGoodHeader = base64url_encode(std::string(test::kHs256Header));
const std::string kGoodPayload = base64url_encode(test::valid_claims().dump());
}  // namespace

TEST_CASE("size: a token over 8 KiB is refused even when validly signed") {
  auto claims = test::valid_claims();
  claims["padding"] = std::string(9000, 'p');
  const std::string token = test::signed_token(claims);
  REQUIRE(token.size() > shared::jwt::kMaxTokenBytes);
  require_rejected(test::make_verifier().verify(token), "Token too large");
}

TEST_CASE("size: exactly 8192 bytes is accepted, 8193 refused before parsing") {
  auto claims = test::valid_claims();
  claims["padding"] = "";
  const std::size_t base = test::signed_token(claims).size();
  // Each 3 bytes of padding adds 4 base64url characters.
  claims["padding"] = std::string((shared::jwt::kMaxTokenBytes - base) / 4 * 3, 'p');
  std::string token = test::signed_token(claims);
  while (token.size() < shared::jwt::kMaxTokenBytes) {
    claims["padding"] = claims["padding"].get<std::string>() + "p";
    token = test::signed_token(claims);
  }
  REQUIRE(token.size() == shared::jwt::kMaxTokenBytes);
  test::require_accepted(test::make_verifier().verify(token));
  require_rejected(test::make_verifier().verify(std::string(8193, '.')), "Token too large");
}

TEST_CASE("shape: not exactly three dot-separated segments is refused") {
  const auto verifier = test::make_verifier();
  const std::string good = test::signed_token(test::valid_claims());
  const std::string header_payload = good.substr(0, good.rfind('.'));
  for (const std::string& token :
       {std::string(), std::string("."), std::string(".."), std::string("..."), std::string("abc"),
        header_payload, good + ".", good + ".extra", "." + good, std::string("a.b.c.d")}) {
    INFO("token " << token);
    const auto result = verifier.verify(token);
    REQUIRE_FALSE(result.ok());
    CHECK(result.error().code == shared::ErrorCode::kInvalidToken);
  }
  require_rejected(verifier.verify(header_payload), "Malformed token");
  require_rejected(verifier.verify(good + ".extra"), "Malformed token");
}

TEST_CASE("shape: a header that is not canonical base64url of a JSON object is refused") {
  const auto verifier = test::make_verifier();
  for (const std::string& header :
       {std::string(), kGoodHeader + "=", kGoodHeader + "==", "+" + kGoodHeader.substr(1),
        kGoodHeader.substr(0, 5) + "/" + kGoodHeader.substr(6), kGoodHeader + "A",
        kGoodHeader.substr(0, 5) + " " + kGoodHeader.substr(6), std::string("e30*"),
        std::string("\xff\xfe"), base64url_encode("not json"),
        base64url_encode("[\"alg\",\"HS256\"]"), base64url_encode("\"HS256\""),
        base64url_encode("{\"alg\":\"HS256\"} trailing"), base64url_encode("{\"alg\":\"HS256\""),
        base64url_encode("{\"alg\":\"HS\xff\"}")}) {
    INFO("header segment " << header);
    // Validly signed over exactly these bytes: only the shape can reject it.
    require_rejected(verifier.verify(test::sign_segments(header, kGoodPayload, test::kSecret)),
                     "Malformed token");
  }
}

TEST_CASE("shape: non-canonical base64url (unused bits set) is refused") {
  // "e30" is "{}"; "e31" decodes to the same bytes with a stray low bit.
  CHECK(base64url_encode("{}") == "e30");
  const auto verifier = test::make_verifier();
  const std::string header = base64url_encode(R"({"alg":"HS256","x":12})");  // 22 bytes
  REQUIRE(header.size() % 4 != 0);  // the last character carries unused bits
  test::require_accepted(verifier.verify(test::sign_segments(header, kGoodPayload, test::kSecret)));
  std::string stray = header;
  stray.back() = static_cast<char>(stray.back() + 1);
  require_rejected(verifier.verify(test::sign_segments(stray, kGoodPayload, test::kSecret)),
                   "Malformed token");
}

TEST_CASE("shape: payload that is not base64url JSON object is refused (when validly signed)") {
  const auto verifier = test::make_verifier();
  for (const std::string& payload_json :
       {std::string("not json"), std::string("[1,2]"), std::string("\"sub\""), std::string("42"),
        std::string("null"), test::valid_claims().dump() + " x", test::valid_claims().dump() + "}",
        std::string()}) {
    INFO("payload " << payload_json);
    require_rejected(
        verifier.verify(test::forge_token(test::kHs256Header, payload_json, test::kSecret)),
        "Malformed token");
  }
}

TEST_CASE("shape: a validly signed payload segment that is not canonical base64url is refused") {
  const auto verifier = test::make_verifier();
  for (const std::string& payload :
       {kGoodPayload + "=", kGoodPayload + "A", "+" + kGoodPayload.substr(1),
        kGoodPayload.substr(0, 3) + " " + kGoodPayload.substr(4), std::string()}) {
    INFO("payload segment " << payload);
    require_rejected(verifier.verify(test::sign_segments(kGoodHeader, payload, test::kSecret)),
                     "Malformed token");
  }
}

TEST_CASE("shape: payloads of every length decode correctly") {
  const auto verifier = test::make_verifier();
  for (std::size_t extra = 0; extra < 12; ++extra) {
    auto claims = test::valid_claims();
    claims["pad"] = std::string(extra, 'z');
    INFO("extra " << extra);
    test::require_accepted(verifier.verify(test::signed_token(claims)));
  }
}
