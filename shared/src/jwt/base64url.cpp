#include "base64url.hpp"

#include <array>

#include <jwt/base64.hpp>

namespace shared::jwt::internal {
namespace {

constexpr int kNotBase64url = -1;

constexpr std::array<int, 256> make_alphabet() {
  std::array<int, 256> values{};
  values.fill(kNotBase64url);
  constexpr std::string_view kAlphabet =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  for (std::size_t i = 0; i < kAlphabet.size(); ++i) {
    values[static_cast<unsigned char>(kAlphabet[i])] = static_cast<int>(i);
  }
  return values;
}
constexpr std::array<int, 256> kValueOf = make_alphabet();

bool is_canonical_base64url(std::string_view text) {
  for (const unsigned char c : text) {
    if (kValueOf[c] == kNotBase64url) return false;
  }
  const std::size_t tail = text.size() % 4;
  if (tail == 1) return false;  // 6 bits cannot end a byte string
  if (tail == 0) return true;
  // 2 chars carry 1 byte (+4 unused bits), 3 chars carry 2 bytes (+2 unused).
  const int unused_bits_mask = tail == 2 ? 0x0f : 0x03;
  return (kValueOf[static_cast<unsigned char>(text.back())] & unused_bits_mask) == 0;
}

}  // namespace

std::optional<std::string> decode_base64url(std::string_view text) {
  // cpp-jwt's decoder (the project's JWT library) is correct for canonical
  // input but lenient otherwise: it skips or mis-decodes characters outside
  // the alphabet instead of failing, and asserts on bytes >= 0x80 in debug
  // builds. So the input is validated here first and only then handed to it.
  if (!is_canonical_base64url(text)) return std::nullopt;
  return ::jwt::base64_uri_decode(text.data(), text.size());
}

std::string encode_base64url(std::string_view bytes) {
  constexpr std::string_view kAlphabet =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string out;
  out.reserve((bytes.size() * 4 + 2) / 3);
  std::size_t i = 0;
  for (; i + 3 <= bytes.size(); i += 3) {
    const auto n = static_cast<unsigned>(static_cast<unsigned char>(bytes[i])) << 16 |
                   static_cast<unsigned>(static_cast<unsigned char>(bytes[i + 1])) << 8 |
                   static_cast<unsigned char>(bytes[i + 2]);
    out += kAlphabet[n >> 18 & 63];
    out += kAlphabet[n >> 12 & 63];
    out += kAlphabet[n >> 6 & 63];
    out += kAlphabet[n & 63];
  }
  const std::size_t rest = bytes.size() - i;
  if (rest > 0) {
    unsigned n = static_cast<unsigned>(static_cast<unsigned char>(bytes[i])) << 16;
    if (rest == 2) n |= static_cast<unsigned>(static_cast<unsigned char>(bytes[i + 1])) << 8;
    out += kAlphabet[n >> 18 & 63];
    out += kAlphabet[n >> 12 & 63];
    if (rest == 2) out += kAlphabet[n >> 6 & 63];
  }
  return out;
}

}  // namespace shared::jwt::internal
