#pragma once
// Strict base64url (RFC 4648 §5, unpadded, as JWS requires).

#include <optional>
#include <string>
#include <string_view>

namespace shared::jwt::internal {

// The decoded bytes, or nullopt unless `text` is canonical unpadded base64url:
// only [A-Za-z0-9_-], no '=', a length that is not 1 mod 4, and zero unused
// bits in the last character (so one byte string has exactly one encoding and
// a token cannot be altered without changing its meaning).
std::optional<std::string> decode_base64url(std::string_view text);

// The canonical unpadded base64url of `bytes`.
std::string encode_base64url(std::string_view bytes);

}  // namespace shared::jwt::internal
