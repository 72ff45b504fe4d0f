#include "exchange.hpp"

#include <cmath>
#include <mutex>
#include <shared_mutex>

#include <pistache/peer.h>
#include <sys/socket.h>

#include "shared/log/logging.hpp"

#include "dynamic_header.hpp"

namespace shared::http {
namespace Http = Pistache::Http;

Exchange::Exchange(Request request, Http::ResponseWriter writer, bool keep_alive,
                   std::shared_ptr<ServerState> state)
    : request_(std::move(request)),
      writer_(std::move(writer)),
      keep_alive_(keep_alive),
      state_(std::move(state)) {
  state_->in_flight.fetch_add(1);
}

Exchange::~Exchange() {
  finish_in_flight();
}

void Exchange::finish_in_flight() {
  if (counted_.exchange(false)) state_->in_flight.fetch_sub(1);
}

void Exchange::complete(Response response) {
  if (completed_.exchange(true)) return;

  const bool close = !keep_alive_ || state_->draining.load();
  auto& headers = writer_.headers();
  auto add = [&headers](std::string name, std::string value) {
    headers.add(std::make_shared<DynamicHeader>(std::move(name), std::move(value)));
  };
  headers.remove<Http::Header::Connection>();  // Pistache's own guess; see exchange.hpp
  add("Connection", close ? "close" : "keep-alive");
  add("X-Request-ID", request_.request_id);
  if (!response.content_type.empty()) add("Content-Type", response.content_type);
  for (auto& [name, value] : response.headers) add(std::move(name), std::move(value));

  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
  state_->metrics.observe_request(request_.method, request_.route, response.status, seconds);
  log::info("request", {{"request_id", request_.request_id},
                        {"method", request_.method},
                        {"route", request_.route},
                        {"status", response.status},
                        {"duration_ms", std::round(seconds * 1e6) / 1e3},  // µs precision
                        {"client", request_.client_address}});

  std::shared_lock gate(state_->send_gate);
  if (state_->stopped) return finish_in_flight();
  try {
    auto peer = writer_.getPeer();
    std::weak_ptr<Pistache::Tcp::Peer> weak_peer = peer;
    writer_.send(static_cast<Http::Code>(response.status), response.body)
        .then(
            [weak_peer, close](ssize_t) {
              // Pistache leaves the socket open after `Connection: close`;
              // shutting it down lets its reactor see EOF and clean up.
              if (auto peer = weak_peer.lock(); peer && close) ::shutdown(peer->fd(), SHUT_RDWR);
            },
            [](std::exception_ptr) {});
  } catch (const std::exception& e) {
    // The client went away before we answered; nothing to send to.
    log::debug("response not sent", {{"request_id", request_.request_id}, {"reason", e.what()}});
  }
  finish_in_flight();
}

}  // namespace shared::http
