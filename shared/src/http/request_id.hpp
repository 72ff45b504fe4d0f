#pragma once
#include <string>
#include <string_view>

namespace shared::http {

// The client's X-Request-ID when it is sane (1–128 chars of [A-Za-z0-9._-]),
// otherwise a fresh random 32-hex-digit id.
std::string request_id_for(std::string_view incoming);

}  // namespace shared::http
