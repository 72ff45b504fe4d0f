#pragma once
// Internal: one request/response exchange on a Pistache connection.
//
// Works around Debian's Pistache 0.0.5: it answers `Connection: Close` to an
// HTTP/1.1 request without a Connection header (breaking keep-alive) and does
// not close the socket after saying so. complete() decides keep-alive itself
// per RFC 9112 and, when closing, really shuts the socket once written.

#include <atomic>
#include <chrono>
#include <memory>

#include <pistache/http.h>

#include "shared/http/request.hpp"
#include "shared/http/response.hpp"

#include "server_state.hpp"

namespace shared::http {

class Exchange {
 public:
  Exchange(Request request, Pistache::Http::ResponseWriter writer, bool keep_alive,
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
  Pistache::Http::ResponseWriter writer_;
  const bool keep_alive_;
  std::shared_ptr<ServerState> state_;
  const std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
  std::atomic<bool> completed_{false};
  std::atomic<bool> counted_{true};  // in ServerState::in_flight until written
};

}  // namespace shared::http
