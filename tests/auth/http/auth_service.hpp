#pragma once
// The real auth-service binary, started as a child process on a fresh
// database of the PostgreSQL that tests/run.sh provides (TEST_PG_URL).

#include <initializer_list>
#include <memory>
#include <optional>
#include <string>

#include "support/http_client.hpp"
#include "support/service_process.hpp"

namespace auth::testing {

inline const std::string kSecret = "test-secret-0123456789abcdef-0123456789";
inline const std::string kServiceSecret = "service-secret-0123456789abcdef-012345";

class AuthService {
 public:
  // `overrides` replace or add to the defaults (BCRYPT_COST=10, LOG_LEVEL=debug, ...).
  using Overrides = std::initializer_list<std::pair<std::string, std::string>>;
  explicit AuthService(Overrides overrides = {});
  AuthService(const AuthService&) = delete;
  AuthService& operator=(const AuthService&) = delete;
  ~AuthService();

  std::uint16_t port() const { return port_; }
  const std::string& database_url() const { return database_url_; }
  test::ServiceProcess& process() { return *process_; }

  test::HttpResponse signup(const std::string& email, const std::string& password) const;
  test::HttpResponse login(const std::string& email, const std::string& password,
                           test::Headers headers = {}) const;
  // Signs up (if needed) and logs in; the access token.
  std::string token_for(const std::string& email, const std::string& password) const;
  test::HttpResponse get(const std::string& path, const std::string& token) const;
  // A request with a bearer token and, when given, a JSON body.
  test::HttpResponse call(const std::string& method, const std::string& path,
                          const std::string& token,
                          const std::optional<nlohmann::json>& body = std::nullopt) const;
  // Runs one SQL statement on the service's database.
  void sql(const std::string& statement) const;
  std::string sql_text(const std::string& query) const;  // first column of first row

 private:
  std::string database_url_;
  std::uint16_t port_;
  std::unique_ptr<test::ServiceProcess> process_;
};

// Environment for a service that is expected to fail at start-up.
test::ServiceProcess::Environment base_environment(const std::string& database_url,
                                                   std::uint16_t port);

// bcrypt hash of `password` made by python-bcrypt (/usr/bin/python3).
std::string python_bcrypt_hash(const std::string& password, int cost = 10);

}  // namespace auth::testing
