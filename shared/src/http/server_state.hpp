#pragma once
// Internal: what every exchange of one server shares. Held by shared_ptr so
// a response finished on a worker thread after the server stopped is safe.

#include <atomic>
#include <cstddef>
#include <shared_mutex>
#include <string>

#include "shared/config/cidr.hpp"
#include "shared/http/router.hpp"
#include "shared/metrics/registry.hpp"

namespace shared::http {

struct ServerState {
  ServerState(Router router, metrics::Registry& metrics, std::size_t max_body_bytes,
              config::CidrSet trusted_proxies)
      : router(std::move(router)),
        metrics(metrics),
        max_body_bytes(max_body_bytes),
        trusted_proxies(std::move(trusted_proxies)) {}

  Router router;
  metrics::Registry& metrics;
  const std::size_t max_body_bytes;
  const config::CidrSet trusted_proxies;
  std::atomic<bool> draining{false};
  std::atomic<std::size_t> in_flight{0};
  // Responses finished on worker threads after the listener stopped must not
  // touch Pistache's (destroyed) transport: senders hold the gate shared,
  // the stop takes it exclusively and sets `stopped`.
  std::shared_mutex send_gate;
  bool stopped = false;
};

}  // namespace shared::http
