#include "auth/http/auth_service.hpp"

#include <cstdio>

#include <catch2/catch.hpp>
#include <soci/soci.h>

#include "support/test_database.hpp"

namespace auth::testing {

test::ServiceProcess::Environment base_environment(const std::string& database_url,
                                                   std::uint16_t port) {
  return {{"DATABASE_URL", database_url},
          {"JWT_SECRET", kSecret},
          {"AUTH_PORT", std::to_string(port)},
          {"BCRYPT_COST", "10"},
          {"LOG_LEVEL", "debug"},
          {"HTTP_THREADS", "4"},
          {"HASH_WORKERS", "2"},
          {"DB_POOL_SIZE", "4"},
          // Tests sign up many users from loopback; the limit has its own test.
          {"SIGNUP_MAX_PER_CLIENT", "1000000"},
          {"SERVICE_JWT_SECRET", kServiceSecret}};
}

AuthService::AuthService(Overrides overrides)
    : database_url_(test_support::create_test_database("auth_http")), port_(test::free_port()) {
  auto environment = base_environment(database_url_, port_);
  for (const auto& [name, value] : overrides) {
    std::erase_if(environment, [&](const auto& entry) { return entry.first == name; });
    environment.emplace_back(name, value);
  }
  process_ = std::make_unique<test::ServiceProcess>(AUTH_SERVICE_PATH, environment);
  process_->wait_until_healthy(port_, std::chrono::seconds(60));
}

AuthService::~AuthService() {
  process_->stop();
}

test::HttpResponse AuthService::signup(const std::string& email,
                                       const std::string& password) const {
  return test::http_json(port_, "POST", "/auth/signup", {{"email", email}, {"password", password}});
}

test::HttpResponse AuthService::login(const std::string& email, const std::string& password,
                                      test::Headers headers) const {
  return test::http_json(port_, "POST", "/auth/login", {{"email", email}, {"password", password}},
                         std::move(headers));
}

std::string AuthService::token_for(const std::string& email, const std::string& password) const {
  const auto signed_up = signup(email, password);
  REQUIRE((signed_up.status == 201 || signed_up.status == 409));
  const auto logged_in = login(email, password);
  REQUIRE(logged_in.status == 200);
  return logged_in.json()["access_token"].get<std::string>();
}

test::HttpResponse AuthService::get(const std::string& path, const std::string& token) const {
  return test::http_request(port_, "GET", path, {}, {{"Authorization", "Bearer " + token}});
}

test::HttpResponse AuthService::call(const std::string& method, const std::string& path,
                                     const std::string& token,
                                     const std::optional<nlohmann::json>& body) const {
  test::Headers headers = {{"Authorization", "Bearer " + token}};
  if (!body) return test::http_request(port_, method, path, {}, headers);
  return test::http_json(port_, method, path, *body, headers);
}

void AuthService::sql(const std::string& statement) const {
  soci::session session("postgresql", database_url_);
  session << statement;
}

std::string AuthService::sql_text(const std::string& query) const {
  soci::session session("postgresql", database_url_);
  std::string value;
  session << query, soci::into(value);
  return value;
}

std::string python_bcrypt_hash(const std::string& password, int cost) {
  // The password goes through the environment, not the shell command line.
  ::setenv("AUTH_TEST_PASSWORD", password.c_str(), 1);
  const std::string command =
      "/usr/bin/python3 -c 'import bcrypt,os; print(bcrypt.hashpw("
      "os.environ[\"AUTH_TEST_PASSWORD\"].encode(), bcrypt.gensalt(" +
      std::to_string(cost) + ")).decode())'";
  FILE* pipe = ::popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  char line[128] = {};
  const bool read = std::fgets(line, sizeof line, pipe) != nullptr;
  ::pclose(pipe);
  REQUIRE(read);
  std::string hash(line);
  while (!hash.empty() && hash.back() == '\n') hash.pop_back();
  REQUIRE(hash.size() == 60);
  return hash;
}

}  // namespace auth::testing
