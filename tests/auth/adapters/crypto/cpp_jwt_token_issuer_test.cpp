#include "auth/adapters/crypto/cpp_jwt_token_issuer.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "auth/adapters/crypto/botan_refresh_token_generator.hpp"
#include "auth/adapters/crypto/shared_jwt_token_verifier.hpp"
#include "auth/app/fakes.hpp"
#include "shared/time/clock.hpp"

using auth::adapters::crypto::CppJwtTokenIssuer;
using auth::adapters::crypto::SharedJwtTokenVerifier;
using auth::adapters::crypto::TokenIssuerSettings;

namespace {
const std::string kSecret = "0123456789abcdef0123456789abcdef-secret";

std::string base64url_decode(std::string_view text) {
  std::string out;
  int bits = 0;
  unsigned value = 0;
  for (char c : text) {
    int digit = -1;
    if (c >= 'A' && c <= 'Z') digit = c - 'A';
    if (c >= 'a' && c <= 'z') digit = c - 'a' + 26;
    if (c >= '0' && c <= '9') digit = c - '0' + 52;
    if (c == '-') digit = 62;
    if (c == '_') digit = 63;
    REQUIRE(digit >= 0);
    value = (value << 6) | static_cast<unsigned>(digit);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((value >> bits) & 0xFF);
    }
  }
  return out;
}

nlohmann::json segment(const std::string& token, int index) {
  std::size_t start = 0;
  for (int i = 0; i < index; ++i) start = token.find('.', start) + 1;
  const auto end = token.find('.', start);
  return nlohmann::json::parse(base64url_decode(token.substr(start, end - start)));
}

auth::domain::User ada() {
  return {"0b0f9d1e-0000-4000-8000-000000000001",
          auth::domain::Email::parse("ada@example.com").value(),
          "h",
          {},
          {}};
}
}  // namespace

TEST_CASE("issued tokens carry the contract's header and claims", "[unit][jwt]") {
  auth::testing::FakeClock clock;
  CppJwtTokenIssuer issuer({kSecret, "todo-auth", "todo-api", std::chrono::seconds(604800), {}},
                           clock);
  const auto issued = issuer.issue(ada(), 0);
  REQUIRE(issued.ok());
  CHECK(issued->expires_in == std::chrono::seconds(604800));
  const auto header = segment(issued->access_token, 0);
  CHECK(header == nlohmann::json{{"alg", "HS256"}, {"typ", "JWT"}});
  const auto claims = segment(issued->access_token, 1);
  const auto now =
      std::chrono::duration_cast<std::chrono::seconds>(clock.now().time_since_epoch()).count();
  CHECK(claims["sub"] == "0b0f9d1e-0000-4000-8000-000000000001");
  CHECK(claims["email"] == "ada@example.com");
  CHECK(claims["iat"] == now);
  CHECK(claims["exp"] == now + 604800);
  CHECK(claims["iss"] == "todo-auth");
  CHECK(claims["aud"] == "todo-api");
  CHECK(claims["jti"].get<std::string>().size() == 32);
  CHECK(claims["jti"] == issued->id);
  CHECK(issued->issued_at == now);
  CHECK(issued->expires_at == now + 604800);
  CHECK(segment(issuer.issue(ada(), 0).value().access_token, 1)["jti"] != claims["jti"]);
}

TEST_CASE("a token issued after a cutoff in the same second is dated at the cutoff",
          "[unit][jwt]") {
  auth::testing::FakeClock clock;
  CppJwtTokenIssuer issuer({kSecret, "todo-auth", "todo-api", std::chrono::seconds(3600), {}},
                           clock);
  const auto now =
      std::chrono::duration_cast<std::chrono::seconds>(clock.now().time_since_epoch()).count();
  const auto issued = issuer.issue(ada(), now + 1);
  REQUIRE(issued.ok());
  const auto claims = segment(issued->access_token, 1);
  CHECK(claims["iat"] == now + 1);
  CHECK(claims["exp"] == now + 1 + 3600);
}

TEST_CASE("refresh tokens: 256 random bits in 43 URL-safe characters, found by their SHA-256",
          "[unit][refresh]") {
  auth::adapters::crypto::BotanRefreshTokenGenerator generator;
  const auto one = generator.generate();
  const auto two = generator.generate();
  REQUIRE(one.ok());
  REQUIRE(two.ok());
  CHECK(one->token != two->token);
  CHECK(one->token.size() == 43);
  CHECK(one->token.find_first_not_of(
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") ==
        std::string::npos);
  CHECK(one->hash == generator.hash(one->token));
  CHECK(one->hash.size() == 64);
  // SHA-256("abc")
  CHECK(generator.hash("abc") ==
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_CASE("the shared verifier accepts issued tokens, and kid appears with rotation",
          "[unit][jwt]") {
  shared::time::SystemClock clock;
  shared::config::JwtSettings settings;
  settings.secret = kSecret;
  settings.previous_secrets = {std::string(40, 'p')};
  SharedJwtTokenVerifier verifier(settings);

  CppJwtTokenIssuer plain({kSecret, "todo-auth", "todo-api", std::chrono::seconds(60), {}}, clock);
  const auto claims = verifier.verify(plain.issue(ada(), 0).value().access_token);
  REQUIRE(claims.ok());
  CHECK(claims->subject == "0b0f9d1e-0000-4000-8000-000000000001");
  CHECK(claims->email == "ada@example.com");

  const auto kid = shared::jwt::key_id_for(kSecret);
  CppJwtTokenIssuer rotating({kSecret, "todo-auth", "todo-api", std::chrono::seconds(60), kid},
                             clock);
  const auto token = rotating.issue(ada(), 0).value().access_token;
  CHECK(segment(token, 0)["kid"] == kid);
  CHECK(verifier.verify(token).ok());

  CppJwtTokenIssuer other(
      {std::string(40, 'o'), "todo-auth", "todo-api", std::chrono::seconds(60), {}}, clock);
  CHECK(verifier.verify(other.issue(ada(), 0).value().access_token).error().code ==
        shared::ErrorCode::kInvalidToken);
}

TEST_CASE("an empty issuer or audience leaves that claim out", "[unit][jwt]") {
  auth::testing::FakeClock clock;
  CppJwtTokenIssuer issuer({kSecret, "", "", std::chrono::seconds(60), {}}, clock);
  const auto claims = segment(issuer.issue(ada(), 0).value().access_token, 1);
  CHECK_FALSE(claims.contains("iss"));
  CHECK_FALSE(claims.contains("aud"));
}
