#include "support/http_client.hpp"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <stdexcept>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace test {
namespace {

std::string lowercase(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

}  // namespace

std::optional<std::string> HttpResponse::header(std::string_view lowercase_name) const {
  for (const auto& [name, value] : headers) {
    if (name == lowercase_name) return value;
  }
  return std::nullopt;
}

nlohmann::json HttpResponse::json() const {
  return nlohmann::json::parse(body);
}

HttpConnection::HttpConnection(std::uint16_t port, std::string host) {
  // A numeric IPv4 or IPv6 address (the server tests bind both).
  sockaddr_storage address{};
  socklen_t length = 0;
  if (auto* v4 = reinterpret_cast<sockaddr_in*>(&address);
      ::inet_pton(AF_INET, host.c_str(), &v4->sin_addr) == 1) {
    v4->sin_family = AF_INET;
    v4->sin_port = htons(port);
    length = sizeof(sockaddr_in);
  } else if (auto* v6 = reinterpret_cast<sockaddr_in6*>(&address);
             ::inet_pton(AF_INET6, host.c_str(), &v6->sin6_addr) == 1) {
    v6->sin6_family = AF_INET6;
    v6->sin6_port = htons(port);
    length = sizeof(sockaddr_in6);
  } else {
    throw std::invalid_argument("not a numeric address: " + host);
  }
  fd_ = ::socket(address.ss_family, SOCK_STREAM, 0);
  if (fd_ < 0) throw std::runtime_error("socket() failed");
  if (::connect(fd_, reinterpret_cast<sockaddr*>(&address), length) != 0) {
    ::close(fd_);
    throw std::runtime_error("connect to " + host + " port " + std::to_string(port) + " failed");
  }
  int one = 1;
  ::setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
}

HttpConnection::~HttpConnection() {
  if (fd_ >= 0) ::close(fd_);
}

void HttpConnection::send_raw(std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t sent = ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
    if (sent <= 0) throw std::runtime_error("send failed: " + std::string(std::strerror(errno)));
    bytes.remove_prefix(static_cast<std::size_t>(sent));
  }
}

HttpResponse HttpConnection::read_response(std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  auto fill = [&] {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    pollfd poll_fd{fd_, POLLIN, 0};
    if (left.count() <= 0 || ::poll(&poll_fd, 1, static_cast<int>(left.count())) <= 0) {
      throw std::runtime_error("timed out waiting for a response");
    }
    char chunk[65536];
    const ssize_t got = ::recv(fd_, chunk, sizeof(chunk), 0);
    if (got <= 0) throw std::runtime_error("connection closed before a full response");
    buffer_.append(chunk, static_cast<std::size_t>(got));
  };

  std::size_t header_end;
  while ((header_end = buffer_.find("\r\n\r\n")) == std::string::npos) fill();

  HttpResponse response;
  const std::string head = buffer_.substr(0, header_end);
  std::size_t line_end = head.find("\r\n");
  const std::string status_line = head.substr(0, line_end);
  if (status_line.size() < 12 || !status_line.starts_with("HTTP/1.")) {
    throw std::runtime_error("bad status line: " + status_line);
  }
  response.status = std::stoi(status_line.substr(9, 3));
  std::size_t content_length = 0;
  while (line_end != std::string::npos && line_end < head.size()) {
    const std::size_t start = line_end + 2;
    line_end = head.find("\r\n", start);
    const std::string line =
        head.substr(start, line_end == std::string::npos ? std::string::npos : line_end - start);
    const std::size_t colon = line.find(':');
    if (colon == std::string::npos) continue;
    std::string name = lowercase(line.substr(0, colon));
    std::string value = line.substr(colon + 1);
    value.erase(0, value.find_first_not_of(' '));
    if (name == "content-length") content_length = std::stoul(value);
    response.headers.emplace_back(std::move(name), std::move(value));
  }
  buffer_.erase(0, header_end + 4);
  while (buffer_.size() < content_length) fill();
  response.body = buffer_.substr(0, content_length);
  buffer_.erase(0, content_length);
  return response;
}

HttpResponse HttpConnection::request(std::string_view method, std::string_view target,
                                     std::string_view body, const Headers& headers) {
  std::string message;
  message.append(method).append(" ").append(target).append(" HTTP/1.1\r\nHost: localhost\r\n");
  bool has_length = false;
  for (const auto& [name, value] : headers) {
    message.append(name).append(": ").append(value).append("\r\n");
    has_length = has_length || lowercase(name) == "content-length";
  }
  if (!has_length && (!body.empty() || method == "POST" || method == "PUT" || method == "PATCH")) {
    message.append("Content-Length: ").append(std::to_string(body.size())).append("\r\n");
  }
  message.append("\r\n").append(body);
  send_raw(message);
  return read_response();
}

bool HttpConnection::closed_by_peer(std::chrono::milliseconds wait) {
  pollfd poll_fd{fd_, POLLIN, 0};
  if (::poll(&poll_fd, 1, static_cast<int>(wait.count())) <= 0) return false;
  char byte;
  return ::recv(fd_, &byte, 1, MSG_PEEK) == 0;
}

HttpResponse http_request(std::uint16_t port, std::string_view method, std::string_view target,
                          std::string_view body, const Headers& headers) {
  HttpConnection connection(port);
  return connection.request(method, target, body, headers);
}

HttpResponse http_json(std::uint16_t port, std::string_view method, std::string_view target,
                       const nlohmann::json& body, Headers headers) {
  headers.emplace_back("Content-Type", "application/json");
  return http_request(port, method, target, body.dump(), headers);
}

}  // namespace test
