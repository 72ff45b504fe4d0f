#pragma once
// Shared set-up for the verifier tests: fixed secrets, a frozen clock and
// small helpers to build and check tokens.

#include <string>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "shared/jwt/jwt_verifier.hpp"

#include "support/jwt_forge.hpp"

namespace test {

inline constexpr std::int64_t kNow = 1'800'000'000;  // the verifier's frozen clock
inline const std::string kSecret = "current-test-secret-0123456789abcdef-ABCD";
inline const std::string kPreviousSecret = "previous-test-secret-0123456789abcdef-XYZ";
inline const std::string kOtherSecret = "unrelated-test-secret-0123456789abcdef-QQ";

inline shared::config::JwtSettings test_settings() {
  shared::config::JwtSettings settings;
  settings.secret = kSecret;
  settings.previous_secrets = {kPreviousSecret};
  return settings;  // issuer todo-auth, audience todo-api, leeway 30 s
}

inline shared::jwt::JwtVerifier make_verifier(
    shared::config::JwtSettings settings = test_settings(), double now_seconds = kNow) {
  const auto now = std::chrono::system_clock::time_point(
      std::chrono::duration_cast<std::chrono::system_clock::duration>(
          std::chrono::duration<double>(now_seconds)));
  return shared::jwt::JwtVerifier(std::move(settings), [now] { return now; });
}

// Valid claims as a JSON object, to be altered by a test before signing.
inline nlohmann::json valid_claims() {
  return nlohmann::json::parse(
      valid_claims_json("user-42", "ada@example.com", kNow - 60, kNow + 3600));
}

inline std::string signed_token(const nlohmann::json& claims, const std::string& secret = kSecret) {
  return forge_token(kHs256Header, claims.dump(), secret);
}

inline void require_rejected(const shared::Result<shared::jwt::VerifiedToken>& result,
                             const std::string& reason) {
  REQUIRE_FALSE(result.ok());
  CHECK(result.error().code == shared::ErrorCode::kUnauthenticated);
  CHECK(result.error().message == reason);
}

inline void require_accepted(const shared::Result<shared::jwt::VerifiedToken>& result,
                             const std::string& subject = "user-42") {
  if (!result.ok()) FAIL("rejected: " << result.error().message);
  CHECK(result.value().subject == subject);
}

}  // namespace test
