#pragma once
// The HTTP server both services run: Pistache underneath, the contract's
// conventions on top (request ids, JSON errors, limits, keep-alive, access
// log, metrics, an exception barrier) and a graceful drain on SIGTERM/SIGINT.
// Every server also answers GET /healthz, /readyz and /metrics.

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "shared/config/env.hpp"
#include "shared/http/router.hpp"
#include "shared/metrics/registry.hpp"

namespace shared::http {

struct ServerOptions {
  std::string address = "0.0.0.0";  // numeric IPv4 or IPv6 ("::" for every IPv6 address)
  std::uint16_t port = 0;           // 0: pick a free port (tests)
  unsigned threads = 1;
  std::size_t max_body_bytes = 65536;
  std::chrono::seconds shutdown_grace{20};
  config::CidrSet trusted_proxies;  // peers whose X-Forwarded-For is believed
  // Request line and headers, in all (the contract's 16 KiB: 431 above).
  std::size_t max_header_bytes = 16384;
  // A request must arrive whole within this from its first byte, or it is
  // answered 408 and the connection closed (the contract's 15 s). It does
  // not bound a handler: that is the handler's own business.
  std::chrono::milliseconds request_timeout{15000};
  std::chrono::milliseconds keepalive_timeout{
      75000};  // longer than a proxy's upstream idle timeout
};
ServerOptions server_options_from(const config::HttpSettings& settings);

struct ReadinessCheck {
  // True when the service's dependencies answer (e.g. a database ping).
  std::function<bool()> dependencies_ready = [] { return true; };
};

// Blocks SIGTERM, SIGINT and SIGPIPE in the calling thread. Call first thing
// in main(), before any thread starts, so every thread inherits the mask and
// Server::run_until_signal() can receive the signals with sigwait().
void block_shutdown_signals();

class Server {
 public:
  Server(ServerOptions options, Router router, metrics::Registry& metrics,
         ReadinessCheck readiness);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Starts serving on background threads; returns the bound port.
  std::uint16_t start();
  // Serves until SIGTERM or SIGINT, then drains: readiness turns false, new
  // responses carry `Connection: close`, in-flight requests get up to
  // shutdown_grace to finish; then the listener stops. Returns normally.
  void run_until_signal();
  // The drain without a signal (tests, and run_until_signal itself).
  void drain_and_stop();

  bool draining() const;
  std::size_t in_flight() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace shared::http
