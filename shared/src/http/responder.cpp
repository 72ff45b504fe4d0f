#include "shared/http/responder.hpp"

#include <exception>

#include "shared/log/logging.hpp"

#include "exchange.hpp"

namespace shared::http {

Responder::Responder(std::shared_ptr<Exchange> exchange) : exchange_(std::move(exchange)) {}

Responder::~Responder() {
  // A handler that dropped its Responder without answering is a bug; the
  // client still gets an answer instead of waiting until it times out.
  if (!exchange_ || exchange_->completed()) return;
  // During unwinding the exception's catcher logs the cause.
  if (std::uncaught_exceptions() == 0) {
    log::error("handler finished without a response",
               {{"request_id", exchange_->request().request_id}});
  }
  exchange_->complete(Response::detail(500, "Internal server error"));
}

void Responder::send(Response response) {
  if (exchange_) exchange_->complete(std::move(response));
}

const std::string& Responder::request_id() const {
  return exchange_->request().request_id;
}

}  // namespace shared::http
