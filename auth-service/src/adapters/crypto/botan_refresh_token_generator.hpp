#pragma once
// Refresh tokens from the operating system's CSPRNG (Botan's System_RNG,
// thread-safe): 32 bytes (256 bits) as unpadded base64url, 43 characters.
// Stored and looked up by their SHA-256 in hex: the token has all the
// entropy it needs, so a plain hash is enough (no salt, no work factor), and
// equal tokens must find the same row.

#include "auth/domain/ports/refresh_token_generator.hpp"

namespace auth::adapters::crypto {

class BotanRefreshTokenGenerator final : public domain::RefreshTokenGenerator {
 public:
  shared::Result<domain::RefreshSecret> generate() override;
  [[nodiscard]] std::string hash(std::string_view token) const override;
};

}  // namespace auth::adapters::crypto
