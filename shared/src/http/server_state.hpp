#pragma once
// Internal: what every connection and exchange of one server shares. Held
// by shared_ptr, so an answer finished on a worker thread after the server
// stopped is still safe: answers go out through `writer` on the
// connection's own socket, never through Pistache's (possibly destroyed)
// transport.

#include <atomic>
#include <chrono>
#include <cstddef>
#include <string>

#include "shared/config/cidr.hpp"
#include "shared/http/router.hpp"
#include "shared/metrics/registry.hpp"

#include "request_parser.hpp"
#include "socket_writer.hpp"

namespace shared::http {

struct ConnectionLimits {
  ParserLimits parser;
  // A request must arrive whole within this from its first byte (the
  // contract's 15 s: slow-client protection that holds without a proxy).
  std::chrono::milliseconds request_timeout{15000};
  std::chrono::milliseconds keepalive_timeout{75000};  // idle, between requests
  // After a closing answer: how long the client's unread input is drained.
  std::chrono::milliseconds linger{2000};

  // Input buffered behind a request in progress (pipelining) beyond which
  // the connection closes after that request's answer.
  std::size_t max_buffered_bytes() const {
    return parser.max_head_bytes + parser.max_body_bytes + 65536;
  }
};

struct ServerState {
  ServerState(Router router, metrics::Registry& metrics, ConnectionLimits limits,
              config::CidrSet trusted_proxies)
      : router(std::move(router)),
        metrics(metrics),
        limits(limits),
        trusted_proxies(std::move(trusted_proxies)) {}

  Router router;
  metrics::Registry& metrics;
  const ConnectionLimits limits;
  const config::CidrSet trusted_proxies;
  std::atomic<bool> draining{false};
  std::atomic<std::size_t> in_flight{0};
  SocketWriter writer;
};

}  // namespace shared::http
