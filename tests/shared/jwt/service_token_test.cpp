// Service tokens: minted and verified by one class, with their own secret and
// audience; never interchangeable with user tokens.
#include "shared/jwt/service_token.hpp"

#include <jwt/base64.hpp>

#include "shared/jwt/verifier_fixture.hpp"

using shared::jwt::ServiceTokens;
using test::clock_at;
using test::kNow;

namespace {

std::string decoded(std::string_view segment) {
  return jwt::base64_uri_decode(segment.data(), segment.size());
}

const std::string kServiceSecret = "service-test-secret-0123456789abcdef-SVC";

nlohmann::json service_claims(std::int64_t exp) {
  return {{"sub", "task-service"}, {"aud", "todo-internal"}, {"iat", kNow}, {"exp", exp}};
}

void require_refused(const shared::Result<std::string>& result) {
  REQUIRE_FALSE(result.ok());
  CHECK(result.error().code == shared::ErrorCode::kInvalidToken);
}

}  // namespace

TEST_CASE("service token: a minted token verifies and names its service") {
  const ServiceTokens tokens(kServiceSecret, std::chrono::seconds(30), clock_at(kNow));
  const auto token = tokens.mint("task-service");
  const auto caller = tokens.verify(token);
  REQUIRE(caller.ok());
  CHECK(*caller == "task-service");
  CHECK(tokens.mint("task-service") != token);  // a fresh jti every time
}

TEST_CASE("service token: its claims are the contract's") {
  const ServiceTokens tokens(kServiceSecret, std::chrono::seconds(30), clock_at(kNow));
  const auto token = tokens.mint("task-service", std::chrono::hours(1));  // capped at 5 min
  const auto first_dot = token.find('.');
  const auto second_dot = token.find('.', first_dot + 1);
  const auto header = decoded(token.substr(0, first_dot));
  const auto claims =
      nlohmann::json::parse(decoded(token.substr(first_dot + 1, second_dot - first_dot - 1)));
  CHECK(nlohmann::json::parse(header) == nlohmann::json{{"alg", "HS256"}, {"typ", "JWT"}});
  CHECK(claims.at("aud") == "todo-internal");
  CHECK(claims.at("sub") == "task-service");
  CHECK(claims.at("iat") == kNow);
  CHECK(claims.at("exp") == kNow + 300);
  CHECK(claims.at("jti").get<std::string>().size() >= 22);  // 128 random bits
}

TEST_CASE("service token: expired, too long-lived, or for another audience is refused") {
  const ServiceTokens tokens(kServiceSecret, std::chrono::seconds(30), clock_at(kNow));
  require_refused(tokens.verify(test::signed_token(service_claims(kNow - 31), kServiceSecret)));
  require_refused(tokens.verify(test::signed_token(service_claims(kNow + 3600), kServiceSecret)));
  auto other_audience = service_claims(kNow + 60);
  other_audience["aud"] = "todo-api";
  require_refused(tokens.verify(test::signed_token(other_audience, kServiceSecret)));
  CHECK(tokens.verify(test::signed_token(service_claims(kNow + 300), kServiceSecret)).ok());
}

TEST_CASE("service token: a user token is refused, and a service token is no user token") {
  const ServiceTokens tokens(kServiceSecret, std::chrono::seconds(30), clock_at(kNow));
  // A user token, even one whose audience were todo-internal: wrong secret.
  auto user_claims = test::valid_claims();
  require_refused(tokens.verify(test::signed_token(user_claims)));
  user_claims["aud"] = "todo-internal";
  require_refused(tokens.verify(test::signed_token(user_claims)));
  // And the user-token verifier refuses a service token.
  test::require_rejected(test::make_verifier().verify(tokens.mint("task-service")),
                         "Invalid token signature");
}

TEST_CASE("service token: a secret under 32 bytes is refused at construction") {
  CHECK_THROWS_AS(ServiceTokens(std::string(31, 's')), std::invalid_argument);
}
