#pragma once
// Internal: the Pistache handler that turns each parsed request into a
// shared::http::Request, applies the contract's conventions and dispatches
// to the router.

#include <memory>

#include <pistache/http.h>

#include "server_state.hpp"

namespace shared::http {

class PistacheHandler : public Pistache::Http::Handler {
 public:
  HTTP_PROTOTYPE(PistacheHandler)

  explicit PistacheHandler(std::shared_ptr<ServerState> state) : state_(std::move(state)) {}

  void onRequest(const Pistache::Http::Request& request,
                 Pistache::Http::ResponseWriter writer) override;

 private:
  std::shared_ptr<ServerState> state_;
};

}  // namespace shared::http
