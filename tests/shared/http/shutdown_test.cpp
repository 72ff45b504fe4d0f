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
  std::thread slow_client([&] {
    try {
      slow_status = test::http_request(port, "GET", "/slow").status;
    } catch (const std::exception&) {
      slow_status = -1;  // the connection was dropped instead of drained
    }
  });
  // Signal only once the slow request is in flight: the scrape counts
  // itself, so 2 means the slow one has arrived too.
  const std::string in_flight_two = "http_requests_in_flight{service=\"probe\"} 2";
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (test::http_request(port, "GET", "/metrics").body.find(in_flight_two) ==
         std::string::npos) {
    REQUIRE(std::chrono::steady_clock::now() < deadline);
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
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
