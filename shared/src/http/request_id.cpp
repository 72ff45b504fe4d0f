#include "request_id.hpp"

#include <algorithm>
#include <cctype>
#include <random>

namespace shared::http {
namespace {

bool is_sane(std::string_view id) {
  if (id.empty() || id.size() > 128) return false;
  return std::all_of(id.begin(), id.end(), [](unsigned char c) {
    return std::isalnum(c) != 0 || c == '.' || c == '_' || c == '-';
  });
}

std::string random_id() {
  // Request ids correlate log lines; they are not secrets, so a per-thread
  // PRNG seeded once from the OS is enough and costs no syscall per request.
  thread_local std::mt19937_64 generator{std::random_device{}()};
  static constexpr char kHex[] = "0123456789abcdef";
  std::string id(32, '0');
  for (std::size_t i = 0; i < id.size(); i += 16) {
    auto bits = generator();
    for (std::size_t j = 0; j < 16; ++j, bits >>= 4) id[i + j] = kHex[bits & 0xF];
  }
  return id;
}

}  // namespace

std::string request_id_for(std::string_view incoming) {
  return is_sane(incoming) ? std::string(incoming) : random_id();
}

}  // namespace shared::http
