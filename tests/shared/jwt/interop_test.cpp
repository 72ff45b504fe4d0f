// Tokens from other implementations: PyJWT (what the replaced FastAPI backend
// used) and cpp-jwt used the way auth-service's CppJwtTokenIssuer signs.
#include <array>
#include <cstdio>

#include <jwt/jwt.hpp>

#include "shared/jwt/verifier_fixture.hpp"

namespace {

std::string run(const std::string& command) {
  FILE* pipe = ::popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::string output;
  std::array<char, 1024> buffer{};
  while (const std::size_t n = std::fread(buffer.data(), 1, buffer.size(), pipe)) {
    output.append(buffer.data(), n);
  }
  REQUIRE(::pclose(pipe) == 0);
  while (!output.empty() && (output.back() == '\n' || output.back() == '\r')) output.pop_back();
  return output;
}

// PyJWT 2.6 (Debian's python3-jwt), run with the system interpreter.
std::string pyjwt_token(const std::string& secret, const std::string& extra_headers) {
  const std::string now = std::to_string(test::kNow);
  return run(
      "/usr/bin/python3 -c \"import jwt; print(jwt.encode({'sub': 'py-user', "
      "'email': 'py@example.com', 'iat': " +
      now + ", 'exp': " + now +
      " + 600, "
      "'iss': 'todo-auth', 'aud': 'todo-api', 'jti': 'abc'}, '" +
      secret + "', algorithm='HS256', headers=" + extra_headers + "))\"");
}

}  // namespace

TEST_CASE("interop: a token minted by PyJWT is accepted") {
  const std::string token = pyjwt_token(test::kSecret, "None");
  REQUIRE(std::count(token.begin(), token.end(), '.') == 2);
  const auto result = test::make_verifier().verify(token);
  test::require_accepted(result, "py-user");
  CHECK(result.value().email == std::optional<std::string>("py@example.com"));
  CHECK(result.value().expires_at == test::kNow + 600);
}

TEST_CASE("interop: a PyJWT token with the kid of a previous secret is accepted") {
  const std::string kid = shared::jwt::key_id_for(test::kPreviousSecret);
  const std::string token = pyjwt_token(test::kPreviousSecret, "{'kid': '" + kid + "'}");
  test::require_accepted(test::make_verifier().verify(token), "py-user");
}

TEST_CASE("interop: a PyJWT token signed with another secret is refused") {
  test::require_rejected(test::make_verifier().verify(pyjwt_token(test::kOtherSecret, "None")),
                         "Invalid token signature");
}

TEST_CASE("interop: key_id_for agrees with Python's hashlib") {
  const std::string python_kid =
      run("/usr/bin/python3 -c \"import hashlib; print(hashlib.sha256(b'" + test::kSecret +
          "').hexdigest()[:16])\"");
  CHECK(shared::jwt::key_id_for(test::kSecret) == python_kid);
}

TEST_CASE("interop: a token signed by cpp-jwt as the issuer does it is accepted") {
  // Numeric claims through add_claim: cpp-jwt's payload({...}) takes only
  // string values, which would make exp a string and the token invalid.
  jwt::jwt_object object{jwt::params::algorithm("HS256"), jwt::params::secret(test::kSecret),
                         jwt::params::payload({{"sub", "cpp-user"},
                                               {"email", "cpp@example.com"},
                                               {"iss", "todo-auth"},
                                               {"aud", "todo-api"},
                                               {"jti", "0123456789abcdef0123456789abcdef"}})};
  object.add_claim("iat", test::kNow).add_claim("exp", test::kNow + 600);
  object.header().add_header("kid", shared::jwt::key_id_for(test::kSecret));
  std::error_code error;
  const std::string token = object.signature(error);
  REQUIRE_FALSE(error);
  const auto result = test::make_verifier().verify(token);
  test::require_accepted(result, "cpp-user");
  CHECK(result.value().expires_at == test::kNow + 600);
}

TEST_CASE("interop: cpp-jwt's payload({...}) turns exp into a string, which is refused") {
  jwt::jwt_object object{jwt::params::algorithm("HS256"), jwt::params::secret(test::kSecret),
                         jwt::params::payload({{"sub", "cpp-user"},
                                               {"iss", "todo-auth"},
                                               {"aud", "todo-api"},
                                               {"exp", std::to_string(test::kNow + 600)}})};
  test::require_rejected(test::make_verifier().verify(object.signature()), "Invalid token claims");
}
