// JWT verification settings (docs/api.md, "The token").
#include <string_view>

#include "shared/config/env.hpp"

#include "text.hpp"

namespace shared::config {
namespace {

constexpr std::size_t kMinSecretBytes = 32;

std::string current_secret(const Env& env) {
  constexpr const char* kVariable = "JWT_SECRET";
  auto secret = env.secret(kVariable);
  if (!secret) throw ConfigError(kVariable, "must be set (or JWT_SECRET_FILE)");
  if (secret->size() < kMinSecretBytes) throw ConfigError(kVariable, "must be at least 32 bytes");
  return *std::move(secret);
}

// Comma-separated, so a previous secret cannot contain a comma.
std::vector<std::string> previous_secrets(const Env& env) {
  constexpr const char* kVariable = "JWT_PREVIOUS_SECRETS";
  const auto joined = env.secret(kVariable);
  if (!joined) return {};
  auto secrets = internal::split_list(*joined);
  for (std::size_t i = 0; i < secrets.size(); ++i) {
    if (secrets[i].size() < kMinSecretBytes) {
      throw ConfigError(kVariable, "item " + std::to_string(i + 1) + " must be at least 32 bytes");
    }
  }
  return secrets;
}

// Unset → the default; set but empty → "" (the check is disabled).
std::string claim_to_match(const Env& env, const std::string& variable,
                           const std::string& fallback) {
  return env.as_set(variable).value_or(fallback);
}

}  // namespace

std::string load_service_jwt_secret(const Env& env, std::string_view user_token_secret) {
  constexpr const char* kVariable = "SERVICE_JWT_SECRET";
  auto secret = env.secret(kVariable);
  if (!secret) throw ConfigError(kVariable, "must be set (or SERVICE_JWT_SECRET_FILE)");
  if (secret->size() < kMinSecretBytes) throw ConfigError(kVariable, "must be at least 32 bytes");
  // One secret for both kinds would let a user token pass as a service token.
  if (*secret == user_token_secret) throw ConfigError(kVariable, "must differ from JWT_SECRET");
  return *std::move(secret);
}

JwtSettings load_jwt_settings(const Env& env) {
  JwtSettings settings;
  settings.secret = current_secret(env);
  settings.previous_secrets = previous_secrets(env);
  settings.issuer = claim_to_match(env, "JWT_ISSUER", settings.issuer);
  settings.audience = claim_to_match(env, "JWT_AUDIENCE", settings.audience);
  settings.leeway = env.seconds("JWT_LEEWAY", std::chrono::seconds(30), std::chrono::seconds(0),
                                std::chrono::seconds(60));
  return settings;
}

}  // namespace shared::config
