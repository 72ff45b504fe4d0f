#pragma once
// What a handler answers. Bodies are JSON unless stated, as the contract
// requires of every endpoint.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace shared::http {

inline constexpr std::string_view kJsonContentType = "application/json; charset=utf-8";

struct Response {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  std::string content_type = std::string(kJsonContentType);  // "" for no body

  Response& with_header(std::string name, std::string value) {
    headers.emplace_back(std::move(name), std::move(value));
    return *this;
  }

  static Response json(int status, const nlohmann::json& body);
  // {"detail": "<message>"}
  static Response detail(int status, std::string_view message);
  static Response no_content();
};

}  // namespace shared::http
