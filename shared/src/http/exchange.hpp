#pragma once
// Internal: one request/response exchange on a client connection.
//
// complete() decides the connection's fate when the answer is written, not
// when the handler returns: keep-alive per RFC 9112 unless the server is
// draining or the connection must close; it builds the answer's bytes
// (wire_response.hpp) and hands them to the connection, which writes them
// on its own socket, so an answer finished late on a worker thread reaches
// the client that asked or nobody.

#include <atomic>
#include <chrono>
#include <memory>

#include "shared/http/request.hpp"
#include "shared/http/response.hpp"

#include "server_state.hpp"

namespace shared::http {

class Connection;

class Exchange {
 public:
  Exchange(Request request, std::shared_ptr<Connection> connection, bool keep_alive,
           std::shared_ptr<ServerState> state);
  ~Exchange();
  Exchange(const Exchange&) = delete;
  Exchange& operator=(const Exchange&) = delete;

  // Sends the response, writes the access log line and records metrics.
  // Only the first call has an effect.
  void complete(Response response);
  bool completed() const { return completed_.load(); }

  const Request& request() const { return request_; }

 private:
  void finish_in_flight();

  Request request_;
  std::shared_ptr<Connection> connection_;
  const bool keep_alive_;
  std::shared_ptr<ServerState> state_;
  const std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
  std::atomic<bool> completed_{false};
  std::atomic<bool> counted_{true};  // in ServerState::in_flight until written
};

}  // namespace shared::http
