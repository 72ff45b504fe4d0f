#pragma once
// The framework-independent view of one HTTP request that handlers see.
// Built by the HTTP layer; header names are lower-cased, query values
// percent-decoded.

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace shared::http {

struct Request {
  std::string method;  // "GET", "POST", ...
  std::string path;    // without the query string
  std::string route;   // the matched route template, e.g. "/api/tasks/{id}"
  std::vector<std::pair<std::string, std::string>> path_params;
  std::vector<std::pair<std::string, std::string>> query;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  std::string peer_address;    // the TCP peer
  std::string client_address;  // X-Forwarded-For's client when the peer is a trusted proxy
  std::string request_id;

  // First header with this (lower-case) name, if any.
  std::optional<std::string_view> header(std::string_view lowercase_name) const;
  // Last value of this query parameter, if any (what FastAPI sees).
  std::optional<std::string_view> query_param(std::string_view name) const;
  std::string_view path_param(std::string_view name) const;  // "" when absent
  // Media type of the body without parameters, lower-cased ("" when absent).
  std::string media_type() const;
};

}  // namespace shared::http
