#pragma once
// Shared set-up for the verifier tests: fixed secrets, a frozen clock and
// small helpers to build and check tokens.

#include <list>
#include <mutex>
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

// A clock stopped at `now_seconds`. Verifiers keep a reference to their
// clock and outlive make_verifier(), so these clocks live as long as the
// test program.
inline const shared::time::Clock& clock_at(double now_seconds) {
  static std::mutex mutex;
  static std::list<shared::time::ManualClock> clocks;
  std::lock_guard lock(mutex);
  return clocks.emplace_back(
      shared::time::Timestamp(std::chrono::duration_cast<std::chrono::microseconds>(
          std::chrono::duration<double>(now_seconds))));
}

inline shared::jwt::JwtVerifier make_verifier(
    shared::config::JwtSettings settings = test_settings(), double now_seconds = kNow) {
  return shared::jwt::JwtVerifier(std::move(settings), clock_at(now_seconds));
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
  CHECK(result.error().code == shared::ErrorCode::kInvalidToken);
  CHECK(result.error().message == reason);
}

inline void require_accepted(const shared::Result<shared::jwt::VerifiedToken>& result,
                             const std::string& subject = "user-42") {
  if (!result.ok()) FAIL("rejected: " << result.error().message);
  CHECK(result.value().subject == subject);
}

}  // namespace test
