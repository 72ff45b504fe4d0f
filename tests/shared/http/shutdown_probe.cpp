// A tiny server for the graceful-shutdown test: serves the test routes on
// the port given as argv[1] until SIGTERM/SIGINT, drains, exits 0.
#include <cstdlib>
#include <iostream>

#include "shared/log/logging.hpp"

#include "test_server.hpp"

int main(int argc, char** argv) {
  shared::http::block_shutdown_signals();
  if (argc != 2) return 2;
  shared::log::configure({}, "shutdown-probe");
  shared::metrics::Registry metrics("probe");
  shared::http::ServerOptions options;
  options.address = "127.0.0.1";
  options.port = static_cast<std::uint16_t>(std::atoi(argv[1]));
  options.threads = 2;
  options.shutdown_grace = std::chrono::seconds(5);
  options.trusted_proxies = shared::config::CidrSet::parse({"127.0.0.1/32"}).value();
  shared::http::Server server(options, test::sample_routes(), metrics, {});
  server.start();
  server.run_until_signal();
  return 0;
}
