#pragma once
// The write end of one exchange. Handlers that finish later (for example
// after bcrypt on a worker pool) keep the Responder and call send() from any
// thread; the Request they were given stays valid while the Responder lives.
// A Responder destroyed without send() answers 500, so no client ever waits
// for an answer that will not come.

#include <memory>

#include "shared/http/response.hpp"

namespace shared::http {

class Exchange;  // internal: the request, the connection, timing

class Responder {
 public:
  explicit Responder(std::shared_ptr<Exchange> exchange);
  Responder(Responder&&) noexcept = default;
  Responder& operator=(Responder&&) noexcept = default;
  Responder(const Responder&) = delete;
  Responder& operator=(const Responder&) = delete;
  ~Responder();

  void send(Response response);
  // The request id, for log lines written away from the HTTP thread.
  const std::string& request_id() const;

 private:
  std::shared_ptr<Exchange> exchange_;
};

}  // namespace shared::http
