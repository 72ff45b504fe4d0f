#include "auth/domain/client_key.hpp"

#include <array>
#include <cstring>

#include <arpa/inet.h>

namespace auth::domain {

std::string client_key(std::string_view address) {
  std::string text(address);  // NUL-terminated for inet_pton
  in6_addr v6{};
  if (inet_pton(AF_INET6, text.c_str(), &v6) != 1) return text;
  std::array<char, INET6_ADDRSTRLEN> out{};
  if (IN6_IS_ADDR_V4MAPPED(&v6)) {
    in_addr v4{};
    std::memcpy(&v4, &v6.s6_addr[12], sizeof v4);
    return inet_ntop(AF_INET, &v4, out.data(), out.size());
  }
  std::memset(&v6.s6_addr[8], 0, 8);  // keep the /64
  return std::string(inet_ntop(AF_INET6, &v6, out.data(), out.size())) + "/64";
}

}  // namespace auth::domain
