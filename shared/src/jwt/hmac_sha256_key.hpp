#pragma once
// One HS256 secret, keyed once: the HMAC context is prepared in the
// constructor and only copied per token, so verification does not re-derive
// the padded key every time.

#include <array>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

// From OpenSSL; forward-declared to keep <openssl/*.h> out of this header.
struct evp_mac_ctx_st;

namespace shared::jwt::internal {

inline constexpr std::size_t kSha256Bytes = 32;
using Sha256Digest = std::array<unsigned char, kSha256Bytes>;

class HmacSha256Key {
 public:
  // Throws std::runtime_error when OpenSSL cannot set the key up (it can for
  // any key; a failure means a broken OpenSSL installation).
  explicit HmacSha256Key(std::string_view secret);

  // kid of this secret (see key_id_for).
  const std::string& id() const { return id_; }

  // HMAC-SHA256(secret, signing_input), 32 bytes; nullopt only when OpenSSL
  // fails (out of memory). Thread-safe.
  std::optional<Sha256Digest> mac(std::string_view signing_input) const;

  // True when `mac` is HMAC-SHA256(secret, signing_input), compared in
  // constant time. Thread-safe (the prepared context is only read).
  bool signed_with(std::string_view signing_input, std::string_view mac) const;

 private:
  struct ContextDeleter {
    void operator()(evp_mac_ctx_st* context) const;
  };
  std::unique_ptr<evp_mac_ctx_st, ContextDeleter> prepared_;
  std::string id_;
};

}  // namespace shared::jwt::internal
