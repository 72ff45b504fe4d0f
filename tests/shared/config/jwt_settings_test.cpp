#include <catch2/catch.hpp>

#include "shared/config/fake_env.hpp"
#include "shared/config/temp_file.hpp"

using shared::config::load_jwt_settings;

namespace {
const std::string kSecret = "current-secret-0123456789abcdef-0123";     // 36 bytes
const std::string kOldSecret = "previous-secret-0123456789abcdef-012";  // 36 bytes
const std::string kShort = "short-secret-31-bytes-long-xxxx";           // 31 bytes
}  // namespace

TEST_CASE("jwt settings: defaults with only JWT_SECRET") {
  const auto settings = load_jwt_settings(test::fake_env({{"JWT_SECRET", kSecret}}));
  CHECK(settings.secret == kSecret);
  CHECK(settings.previous_secrets.empty());
  CHECK(settings.issuer == "todo-auth");
  CHECK(settings.audience == "todo-api");
  CHECK(settings.leeway == std::chrono::seconds(30));
}

TEST_CASE("jwt settings: a missing secret is refused with 'must be set'") {
  try {
    (void)load_jwt_settings(test::fake_env({}));
    FAIL("expected ConfigError");
  } catch (const shared::config::ConfigError& error) {
    CHECK(error.variable() == "JWT_SECRET");
    CHECK_THAT(error.what(), Catch::Contains("must be set"));
  }
}

TEST_CASE("jwt settings: a secret under 32 bytes is refused without showing it") {
  REQUIRE(kShort.size() == 31);
  test::require_config_error(
      [] {
        (void)load_jwt_settings(test::fake_env({{"JWT_SECRET", kShort}}));
      },
      "JWT_SECRET", kShort);
  try {
    (void)load_jwt_settings(test::fake_env({{"JWT_SECRET", kShort}}));
  } catch (const shared::config::ConfigError& error) {
    CHECK_THAT(error.what(), Catch::Contains("at least 32 bytes"));
  }
  CHECK(load_jwt_settings(test::fake_env({{"JWT_SECRET", kShort + "x"}})).secret.size() == 32);
}

TEST_CASE("jwt settings: JWT_SECRET_FILE, and both set refused") {
  const test::TempFile file(kSecret + "\n");
  CHECK(load_jwt_settings(test::fake_env({{"JWT_SECRET_FILE", file.path()}})).secret == kSecret);
  const auto both = test::fake_env({{"JWT_SECRET", kSecret}, {"JWT_SECRET_FILE", file.path()}});
  test::require_config_error([&] { (void)load_jwt_settings(both); }, "JWT_SECRET", kSecret);
  const test::TempFile short_file(kShort + "\n");
  const auto short_env = test::fake_env({{"JWT_SECRET_FILE", short_file.path()}});
  test::require_config_error([&] { (void)load_jwt_settings(short_env); }, "JWT_SECRET", kShort);
}

TEST_CASE("jwt settings: previous secrets, from the variable or its file") {
  const auto settings = load_jwt_settings(test::fake_env(
      {{"JWT_SECRET", kSecret}, {"JWT_PREVIOUS_SECRETS", kOldSecret + " , " + kSecret}}));
  CHECK(settings.previous_secrets == std::vector<std::string>{kOldSecret, kSecret});

  const test::TempFile file(kOldSecret + "\n");
  CHECK(load_jwt_settings(
            test::fake_env({{"JWT_SECRET", kSecret}, {"JWT_PREVIOUS_SECRETS_FILE", file.path()}}))
            .previous_secrets == std::vector<std::string>{kOldSecret});
}

TEST_CASE("jwt settings: a short previous secret is refused without showing it") {
  const auto env = test::fake_env(
      {{"JWT_SECRET", kSecret}, {"JWT_PREVIOUS_SECRETS", kOldSecret + "," + kShort}});
  test::require_config_error([&] { (void)load_jwt_settings(env); }, "JWT_PREVIOUS_SECRETS", kShort);
}

TEST_CASE("jwt settings: issuer and audience, where an explicitly empty value disables") {
  const auto custom = load_jwt_settings(
      test::fake_env({{"JWT_SECRET", kSecret}, {"JWT_ISSUER", "me"}, {"JWT_AUDIENCE", "you"}}));
  CHECK(custom.issuer == "me");
  CHECK(custom.audience == "you");
  const auto disabled = load_jwt_settings(
      test::fake_env({{"JWT_SECRET", kSecret}, {"JWT_ISSUER", ""}, {"JWT_AUDIENCE", ""}}));
  CHECK(disabled.issuer.empty());
  CHECK(disabled.audience.empty());
}

TEST_CASE("jwt settings: JWT_LEEWAY 0..60") {
  CHECK(load_jwt_settings(test::fake_env({{"JWT_SECRET", kSecret}, {"JWT_LEEWAY", "0"}})).leeway ==
        std::chrono::seconds(0));
  CHECK(load_jwt_settings(test::fake_env({{"JWT_SECRET", kSecret}, {"JWT_LEEWAY", "60"}})).leeway ==
        std::chrono::seconds(60));
  for (const std::string bad : {"61", "-1", "thirty"}) {
    const auto env = test::fake_env({{"JWT_SECRET", kSecret}, {"JWT_LEEWAY", bad}});
    test::require_config_error([&] { (void)load_jwt_settings(env); }, "JWT_LEEWAY", bad);
  }
}

TEST_CASE("service secret: required, at least 32 bytes, and not the user-token secret") {
  using shared::config::load_service_jwt_secret;
  const std::string service_secret = "service-secret-0123456789abcdef-0123";
  CHECK(load_service_jwt_secret(test::fake_env({{"SERVICE_JWT_SECRET", service_secret}}),
                                kSecret) == service_secret);
  test::require_config_error([] { (void)load_service_jwt_secret(test::fake_env({}), kSecret); },
                             "SERVICE_JWT_SECRET", "");
  test::require_config_error(
      [] {
        (void)load_service_jwt_secret(test::fake_env({{"SERVICE_JWT_SECRET", kShort}}), kSecret);
      },
      "SERVICE_JWT_SECRET", kShort);
  test::require_config_error(
      [] {
        (void)load_service_jwt_secret(test::fake_env({{"SERVICE_JWT_SECRET", kSecret}}), kSecret);
      },
      "SERVICE_JWT_SECRET", kSecret);
}
