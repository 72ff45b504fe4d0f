#pragma once
// A deliberately small HTTP/1.1 client for tests: raw bytes in, parsed
// response out, one TCP connection per object, so tests control keep-alive,
// framing and malformed input exactly.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace test {

using Headers = std::vector<std::pair<std::string, std::string>>;

struct HttpResponse {
  int status = 0;
  Headers headers;  // names lower-cased
  std::string body;

  std::optional<std::string> header(std::string_view lowercase_name) const;
  nlohmann::json json() const;  // throws when the body is not JSON
};

class HttpConnection {
 public:
  explicit HttpConnection(std::uint16_t port, std::string host = "127.0.0.1");
  ~HttpConnection();
  HttpConnection(const HttpConnection&) = delete;
  HttpConnection& operator=(const HttpConnection&) = delete;

  void send_raw(std::string_view bytes);
  // Reads one response framed by Content-Length; throws on timeout or EOF.
  HttpResponse read_response(std::chrono::milliseconds timeout = std::chrono::seconds(10));
  // Sends a request (no Connection header unless given) and reads the answer.
  HttpResponse request(std::string_view method, std::string_view target, std::string_view body = {},
                       const Headers& headers = {});
  // True when the server closed the connection within `wait`.
  bool closed_by_peer(std::chrono::milliseconds wait);

 private:
  int fd_ = -1;
  std::string buffer_;  // bytes received but not yet consumed
};

// One request on a fresh connection.
HttpResponse http_request(std::uint16_t port, std::string_view method, std::string_view target,
                          std::string_view body = {}, const Headers& headers = {});
// The same with a JSON body and Content-Type: application/json.
HttpResponse http_json(std::uint16_t port, std::string_view method, std::string_view target,
                       const nlohmann::json& body, Headers headers = {});

}  // namespace test
