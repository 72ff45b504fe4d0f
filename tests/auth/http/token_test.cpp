// /auth/me and /auth/verify with real and forged tokens.
#include <catch2/catch.hpp>

#include "auth/http/auth_service.hpp"

#include "support/jwt_forge.hpp"

using auth::testing::AuthService;
using auth::testing::kSecret;
using test::forge_token;
using test::http_request;

namespace {
const std::string kPrevious = "previous-secret-0123456789abcdef-0123456";

void require_invalid_token(const test::HttpResponse& response) {
  REQUIRE(response.status == 401);
  CHECK(response.header("www-authenticate") == R"(Bearer error="invalid_token")");
  CHECK(response.json()["detail"].is_string());
}

std::string claims(const std::string& sub, std::int64_t exp, const std::string& extra = "") {
  const auto now = test::unix_now();
  return R"({"sub":")" + sub + R"(","email":"ada@example.com","iat":)" + std::to_string(now) +
         R"(,"exp":)" + std::to_string(exp) + R"(,"iss":"todo-auth","aud":"todo-api")" + extra +
         "}";
}

std::string base64url_decode(std::string_view text) {
  static const std::string kAlphabet =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string out;
  unsigned value = 0;
  int bits = 0;
  for (char c : text) {
    value = (value << 6) | static_cast<unsigned>(kAlphabet.find(c));
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((value >> bits) & 0xFF);
    }
  }
  return out;
}

std::string payload_segment(const std::string& token) {
  const auto first = token.find('.');
  return token.substr(first + 1, token.find('.', first + 1) - first - 1);
}
}  // namespace

TEST_CASE("me and verify answer for a valid token, and verify reads no database",
          "[integration][token]") {
  AuthService service;
  const auto token = service.token_for("ada@example.com", "correct horse");
  const auto me = service.get("/auth/me", token);
  REQUIRE(me.status == 200);
  CHECK(me.json()["email"] == "ada@example.com");
  const std::string id = me.json()["id"];
  CHECK(me.json().size() == 3);

  const auto verified = service.get("/auth/verify", token);
  REQUIRE(verified.status == 200);
  CHECK(verified.header("x-user-id") == id);
  CHECK(verified.header("x-user-email") == "ada@example.com");
  CHECK(verified.json()["sub"] == id);
  CHECK(verified.json()["email"] == "ada@example.com");
  CHECK(verified.json()["exp"].get<std::int64_t>() > test::unix_now() + 604000);
  CHECK(verified.json().size() == 3);

  // A validly signed token for a user that never existed: verify trusts the
  // signature alone (no DB read), me looks the user up and refuses.
  const auto ghost =
      forge_token(test::kHs256Header,
                  claims("00000000-0000-4000-8000-00000000dead", test::unix_now() + 600), kSecret);
  CHECK(service.get("/auth/verify", ghost).status == 200);
  require_invalid_token(service.get("/auth/me", ghost));

  // A deleted user's token stops working for me.
  service.sql("DELETE FROM users");
  require_invalid_token(service.get("/auth/me", token));
}

TEST_CASE("no token at all is a plain Bearer challenge", "[integration][token]") {
  AuthService service;
  for (const char* path : {"/auth/me", "/auth/verify"}) {
    const auto none = http_request(service.port(), "GET", path);
    REQUIRE(none.status == 401);
    CHECK(none.header("www-authenticate") == "Bearer");
    const auto basic =
        http_request(service.port(), "GET", path, {}, {{"Authorization", "Basic YTpi"}});
    CHECK(basic.status == 401);
    CHECK(basic.header("www-authenticate") == "Bearer");
  }
}

TEST_CASE("every rejection rule holds through me and verify", "[integration][token]") {
  AuthService service;
  const auto real = service.token_for("ada@example.com", "correct horse");
  const std::string id = service.get("/auth/me", real).json()["id"];
  const auto now = test::unix_now();
  const auto good = claims(id, now + 600);
  CHECK(service.get("/auth/me", forge_token(test::kHs256Header, good, kSecret)).status == 200);

  std::vector<std::pair<std::string, std::string>> forged = {
      {"alg none", test::forge_token_with_signature(R"({"alg":"none","typ":"JWT"})", good, "")},
      {"alg None", test::forge_token_with_signature(R"({"alg":"None","typ":"JWT"})", good, "")},
      {"alg NONE", test::forge_token_with_signature(R"({"alg":"NONE","typ":"JWT"})", good, "")},
      {"alg nOnE signed", forge_token(R"({"alg":"nOnE","typ":"JWT"})", good, kSecret)},
      {"alg hs256", forge_token(R"({"alg":"hs256","typ":"JWT"})", good, kSecret)},
      {"no alg", forge_token(R"({"typ":"JWT"})", good, kSecret)},
      {"HS512",
       forge_token(R"({"alg":"HS512","typ":"JWT"})", good, kSecret, test::JwtAlgorithm::kHS512)},
      {"HS256 header, HS512 MAC",
       forge_token(test::kHs256Header, good, kSecret, test::JwtAlgorithm::kHS512)},
      {"RS256", forge_token(R"({"alg":"RS256","typ":"JWT"})", good, kSecret)},
      {"wrong secret",
       forge_token(test::kHs256Header, good, "another-secret-0123456789abcdef-xyz")},
      {"empty signature", test::forge_token_with_signature(test::kHs256Header, good, "")},
      {"expired", forge_token(test::kHs256Header, claims(id, now - 120), kSecret)},
      {"no exp",
       forge_token(test::kHs256Header,
                   R"({"sub":")" + id + R"(","iss":"todo-auth","aud":"todo-api"})", kSecret)},
      {"exp string",
       forge_token(test::kHs256Header,
                   R"({"sub":")" + id + R"(","exp":"soon","iss":"todo-auth","aud":"todo-api"})",
                   kSecret)},
      {"exp null",
       forge_token(test::kHs256Header,
                   R"({"sub":")" + id + R"(","exp":null,"iss":"todo-auth","aud":"todo-api"})",
                   kSecret)},
      {"wrong iss",
       forge_token(test::kHs256Header,
                   test::valid_claims_json(id, "a@b.io", now, now + 600, "evil", "todo-api"),
                   kSecret)},
      {"no iss", forge_token(test::kHs256Header,
                             R"({"sub":")" + id + R"(","exp":)" + std::to_string(now + 600) +
                                 R"(,"aud":"todo-api"})",
                             kSecret)},
      {"wrong aud",
       forge_token(test::kHs256Header,
                   test::valid_claims_json(id, "a@b.io", now, now + 600, "todo-auth", "other"),
                   kSecret)},
      {"empty sub", forge_token(test::kHs256Header, claims("", now + 600), kSecret)},
      {"numeric sub", forge_token(test::kHs256Header,
                                  R"({"sub":42,"exp":)" + std::to_string(now + 600) +
                                      R"(,"iss":"todo-auth","aud":"todo-api"})",
                                  kSecret)},
      {"iat in the future",
       forge_token(test::kHs256Header,
                   test::valid_claims_json(id, "a@b.io", now + 3600, now + 7200), kSecret)},
      {"nbf in the future",
       forge_token(test::kHs256Header,
                   claims(id, now + 7200, R"(,"nbf":)" + std::to_string(now + 3600)), kSecret)},
      {"oversize",
       forge_token(test::kHs256Header,
                   claims(id, now + 600, R"(,"pad":")" + std::string(9000, 'p') + "\""), kSecret)},
      {"garbage", "not-a-token"},
      {"two segments", "abc.def"},
      {"four segments", real + ".x"},
  };
  // Tampered: another subject's payload under the real token's signature.
  const auto tampered_payload =
      test::base64url_encode(claims("00000000-0000-4000-8000-000000000001", now + 600));
  std::string tampered = real;
  tampered.replace(tampered.find(payload_segment(real)), payload_segment(real).size(),
                   tampered_payload);
  forged.emplace_back("tampered payload", tampered);

  for (const auto& [rule, token] : forged) {
    INFO(rule);
    require_invalid_token(service.get("/auth/me", token));
    require_invalid_token(service.get("/auth/verify", token));
  }
}

TEST_CASE("tokens signed with a previous secret are still accepted", "[integration][token]") {
  AuthService service({{"JWT_PREVIOUS_SECRETS", kPrevious}});
  const auto real = service.token_for("rot@example.com", "correct horse");
  const std::string id = service.get("/auth/me", real).json()["id"];
  const auto now = test::unix_now();
  const auto good = claims(id, now + 600);
  const auto old_plain = forge_token(test::kHs256Header, good, kPrevious);
  const auto old_with_kid =
      forge_token(test::hs256_header_json(test::forge_key_id(kPrevious)), good, kPrevious);
  for (const auto& token : {old_plain, old_with_kid}) {
    CHECK(service.get("/auth/me", token).status == 200);
    CHECK(service.get("/auth/verify", token).status == 200);
  }
  // New tokens name the current key.
  const auto header = nlohmann::json::parse(base64url_decode(real.substr(0, real.find('.'))));
  CHECK(header["kid"] == test::forge_key_id(kSecret));
  CHECK(header["alg"] == "HS256");
  require_invalid_token(
      service.get("/auth/verify",
                  forge_token(test::kHs256Header, good, "never-configured-0123456789abcdef-xx")));
}
