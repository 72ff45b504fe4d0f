#include "shared/http/server.hpp"

#include <csignal>
#include <thread>

#include <pistache/listener.h>
#include <pthread.h>

#include "shared/log/logging.hpp"

#include "connection_handler.hpp"
#include "operational_routes.hpp"

namespace shared::http {
namespace {

sigset_t shutdown_signals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGINT);
  return set;
}

ConnectionLimits connection_limits(const ServerOptions& options) {
  ConnectionLimits limits;
  limits.parser.max_body_bytes = options.max_body_bytes;
  limits.parser.max_head_bytes = options.max_header_bytes;
  limits.request_timeout = options.request_timeout;
  limits.keepalive_timeout = options.keepalive_timeout;
  return limits;
}

}  // namespace

ServerOptions server_options_from(const config::HttpSettings& settings) {
  ServerOptions options;
  options.address = settings.bind_address;
  options.port = settings.port;
  options.threads = settings.threads;
  options.max_body_bytes = settings.max_body_bytes;
  options.shutdown_grace = settings.shutdown_grace;
  options.trusted_proxies = settings.trusted_proxies;
  return options;
}

void block_shutdown_signals() {
  sigset_t set = shutdown_signals();
  sigaddset(&set, SIGPIPE);  // a client that hangs up must not kill the process
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
}

struct Server::Impl {
  Impl(ServerOptions options, Router router, metrics::Registry& metrics, ReadinessCheck readiness)
      : options(std::move(options)),
        state(std::make_shared<ServerState>(std::move(router), metrics,
                                            connection_limits(this->options),
                                            this->options.trusted_proxies)) {
    add_operational_routes(state->router, metrics, std::move(readiness), state->draining);
    metrics.add_gauge("http_requests_in_flight", "Requests received and not yet answered.",
                      [state = std::weak_ptr<ServerState>(state)] {
                        const auto alive = state.lock();
                        return alive ? static_cast<double>(alive->in_flight.load()) : 0.0;
                      });
  }

  ServerOptions options;
  std::shared_ptr<ServerState> state;
  std::unique_ptr<Pistache::Tcp::Listener> listener;
  bool stopped = false;
};

Server::Server(ServerOptions options, Router router, metrics::Registry& metrics,
               ReadinessCheck readiness)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(router), metrics,
                                   std::move(readiness))) {}

Server::~Server() {
  if (impl_->listener && !impl_->stopped) impl_->listener->shutdown();
}

std::uint16_t Server::start() {
  const auto& options = impl_->options;
  // Pistache parses "host:port", so an IPv6 address goes in brackets.
  const bool ipv6 = options.address.find(':') != std::string::npos;
  Pistache::Address address(ipv6 ? "[" + options.address + "]" : options.address,
                            Pistache::Port(options.port));
  // Pistache's TCP listener and reactor threads, with our HTTP on top
  // (connection_handler.hpp); its HTTP endpoint is not used.
  impl_->listener = std::make_unique<Pistache::Tcp::Listener>(address);
  impl_->listener->init(options.threads,
                        Pistache::Flags<Pistache::Tcp::Options>(Pistache::Tcp::Options::ReuseAddr));
  auto handler = std::make_shared<ConnectionHandler>(impl_->state);
  impl_->listener->setHandler(handler);
  impl_->listener->setTransportFactory(
      [handler] { return std::make_shared<ConnectionTransport>(handler); });
  impl_->listener->bind();
  impl_->listener->runThreaded();
  const auto port = static_cast<std::uint16_t>(impl_->listener->getPort());
  log::info("listening",
            {{"address", options.address}, {"port", port}, {"threads", options.threads}});
  return port;
}

void Server::run_until_signal() {
  const sigset_t set = shutdown_signals();
  int signal_number = 0;
  sigwait(&set, &signal_number);
  log::info("shutdown signal received", {{"signal", signal_number}});
  drain_and_stop();
}

void Server::drain_and_stop() {
  if (impl_->stopped) return;
  impl_->state->draining.store(true);
  const auto deadline = std::chrono::steady_clock::now() + impl_->options.shutdown_grace;
  while (impl_->state->in_flight.load() > 0 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  const auto unfinished = impl_->state->in_flight.load();
  if (unfinished > 0) log::warn("grace period over", {{"unfinished_requests", unfinished}});
  if (impl_->listener) impl_->listener->shutdown();
  impl_->stopped = true;
  log::info("stopped");
}

bool Server::draining() const {
  return impl_->state->draining.load();
}

std::size_t Server::in_flight() const {
  return impl_->state->in_flight.load();
}

}  // namespace shared::http
