#pragma once
// A JWT forger for tests, independent of cpp-jwt and of shared_jwt (plain
// OpenSSL HMAC and a hand-written base64url), so tests can build any token a
// client could send: any header and payload JSON taken verbatim (e.g.
// `"exp":"soon"`, `"alg":"none"`), signed with any secret and HS256/384/512,
// or with an arbitrary (empty, garbage) signature segment.
//
//   auto token = test::forge_token(test::kHs256Header,
//                                  test::valid_claims_json("user-1", "a@b.c", now, now + 60),
//                                  secret);

#include <cstdint>
#include <string>
#include <string_view>

namespace test {

enum class JwtAlgorithm { kHS256, kHS384, kHS512 };

inline constexpr std::string_view kHs256Header = R"({"alg":"HS256","typ":"JWT"})";

// Unpadded base64url (RFC 4648 §5) of raw bytes.
std::string base64url_encode(std::string_view bytes);

// `{"alg":"HS256","typ":"JWT","kid":"<kid>"}`.
std::string hs256_header_json(std::string_view kid);

// The kid the contract derives from a secret: first 16 lowercase hex digits of
// SHA-256(secret), computed here independently of shared::jwt::key_id_for.
std::string forge_key_id(std::string_view secret);

// base64url(header_json) "." base64url(payload_json) "." base64url(HMAC).
// The header's own "alg" is not looked at: `alg` here picks the HMAC.
std::string forge_token(std::string_view header_json, std::string_view payload_json,
                        std::string_view secret, JwtAlgorithm alg = JwtAlgorithm::kHS256);

// Signs already-encoded segments exactly as given: "<header>.<payload>.<MAC>",
// so a test can send a validly signed token whose segments are not canonical
// base64url (padding, stray characters) and see the shape rule reject it.
std::string sign_segments(std::string_view header_segment, std::string_view payload_segment,
                          std::string_view secret, JwtAlgorithm alg = JwtAlgorithm::kHS256);

// The same with the third segment given verbatim ("" for an unsigned token).
std::string forge_token_with_signature(std::string_view header_json, std::string_view payload_json,
                                       std::string_view signature_segment);

// The claims auth-service issues: sub, email, iat, exp, iss, aud and a jti.
std::string valid_claims_json(std::string_view sub, std::string_view email, std::int64_t iat,
                              std::int64_t exp, std::string_view iss = "todo-auth",
                              std::string_view aud = "todo-api");

// Seconds since the epoch, now.
std::int64_t unix_now();

}  // namespace test
