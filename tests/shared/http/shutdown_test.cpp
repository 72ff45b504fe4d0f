#include <thread>

#include <catch2/catch.hpp>
#include <signal.h>

#include "support/http_client.hpp"
#include "support/service_process.hpp"

TEST_CASE("SIGTERM drains in-flight requests and exits 0", "[http]") {
  const auto port = test::free_port();
  test::ServiceProcess probe(SHUTDOWN_PROBE_PATH, {}, {std::to_string(port)});
  probe.wait_until_healthy(port);

  int slow_status = 0;
  std::thread slow_client([&] { slow_status = test::http_request(port, "GET", "/slow").status; });
  std::this_thread::sleep_for(std::chrono::milliseconds(100));  // the request is in flight
  probe.signal(SIGTERM);
  slow_client.join();
  CHECK(slow_status == 200);
  CHECK(probe.wait_for_exit() == 0);
  CHECK_THAT(probe.log(), Catch::Contains("shutdown signal received"));
}

TEST_CASE("SIGINT also stops the server cleanly", "[http]") {
  const auto port = test::free_port();
  test::ServiceProcess probe(SHUTDOWN_PROBE_PATH, {}, {std::to_string(port)});
  probe.wait_until_healthy(port);
  probe.signal(SIGINT);
  CHECK(probe.wait_for_exit() == 0);
}
