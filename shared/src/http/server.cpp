#include "shared/http/server.hpp"

#include <csignal>
#include <mutex>
#include <thread>

#include <pistache/endpoint.h>
#include <pthread.h>

#include "shared/log/logging.hpp"

#include "content_length_guard.hpp"
#include "operational_routes.hpp"
#include "pistache_handler.hpp"

namespace shared::http {
namespace {

sigset_t shutdown_signals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGINT);
  return set;
}

config::CidrSet parse_trusted_proxies(const std::vector<std::string>& cidrs) {
  auto parsed = config::CidrSet::parse(cidrs);
  if (!parsed) throw std::invalid_argument("invalid trusted proxy list: " + parsed.error().message);
  return std::move(parsed).value();
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
                                            this->options.max_body_bytes,
                                            parse_trusted_proxies(this->options.trusted_proxies))) {
    add_operational_routes(state->router, metrics, std::move(readiness), state->draining);
    metrics.add_gauge("http_requests_in_flight", "Requests received and not yet answered.",
                      [state = std::weak_ptr<ServerState>(state)] {
                        const auto alive = state.lock();
                        return alive ? static_cast<double>(alive->in_flight.load()) : 0.0;
                      });
  }

  ServerOptions options;
  std::shared_ptr<ServerState> state;
  std::unique_ptr<Pistache::Http::Endpoint> endpoint;
  bool stopped = false;
};

Server::Server(ServerOptions options, Router router, metrics::Registry& metrics,
               ReadinessCheck readiness)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(router), metrics,
                                   std::move(readiness))) {}

Server::~Server() {
  if (impl_->endpoint && !impl_->stopped) impl_->endpoint->shutdown();
}

std::uint16_t Server::start() {
  install_strict_content_length();
  const auto& options = impl_->options;
  // Pistache parses "host:port", so an IPv6 address goes in brackets.
  const bool ipv6 = options.address.find(':') != std::string::npos;
  Pistache::Address address(ipv6 ? "[" + options.address + "]" : options.address,
                            Pistache::Port(options.port));
  impl_->endpoint = std::make_unique<Pistache::Http::Endpoint>(address);
  // Pistache counts headers and body against maxRequestSize. Leave room for
  // headers above the body limit, so an oversize body within that margin gets
  // our JSON 413 and only a grossly oversize request meets Pistache's own.
  const std::size_t max_request = options.max_body_bytes * 2 + 16384;
  impl_->endpoint->init(Pistache::Http::Endpoint::options()
                            .threads(static_cast<int>(options.threads))
                            .flags(Pistache::Tcp::Options::ReuseAddr)
                            .maxRequestSize(max_request)
                            .headerTimeout(options.header_timeout)
                            .bodyTimeout(options.header_timeout)
                            .keepaliveTimeout(options.keepalive_timeout));
  impl_->endpoint->setHandler(Pistache::Http::make_handler<PistacheHandler>(impl_->state));
  impl_->endpoint->serveThreaded();
  const auto port = static_cast<std::uint16_t>(impl_->endpoint->getPort());
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
  {
    // Once this returns no sender is inside Pistache and none will enter.
    // Shut down outside the gate: a reactor thread may be waiting on it.
    std::unique_lock gate(impl_->state->send_gate);
    impl_->state->stopped = true;
  }
  if (impl_->endpoint) impl_->endpoint->shutdown();
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
