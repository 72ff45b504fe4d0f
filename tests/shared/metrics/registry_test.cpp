#include "shared/metrics/registry.hpp"

#include <catch2/catch.hpp>

using shared::metrics::Registry;

TEST_CASE("request counters are keyed by method, route template and status", "[unit][metrics]") {
  Registry registry("svc");
  registry.observe_request("GET", "/api/tasks/{id}", 200, 0.002);
  registry.observe_request("GET", "/api/tasks/{id}", 200, 0.004);
  registry.observe_request("GET", "/api/tasks/{id}", 404, 0.001);
  const std::string text = registry.render();
  CHECK_THAT(
      text,
      Catch::Contains(
          R"(http_requests_total{service="svc",method="GET",route="/api/tasks/{id}",status="200"} 2)"));
  CHECK_THAT(
      text,
      Catch::Contains(
          R"(http_requests_total{service="svc",method="GET",route="/api/tasks/{id}",status="404"} 1)"));
  CHECK_THAT(text, Catch::Contains("# TYPE http_requests_total counter"));
}

TEST_CASE("the duration histogram is cumulative with +Inf, sum and count", "[unit][metrics]") {
  Registry registry("svc");
  registry.observe_request("POST", "/x", 201, 0.0004);  // first bucket
  registry.observe_request("POST", "/x", 201, 0.2);     // 0.25 bucket
  registry.observe_request("POST", "/x", 201, 30.0);    // only +Inf
  const std::string text = registry.render();
  const std::string labels = R"(service="svc",method="POST",route="/x")";
  CHECK_THAT(text, Catch::Contains("http_request_duration_seconds_bucket{" + labels +
                                   R"(,le="0.0005"} 1)"));
  CHECK_THAT(text,
             Catch::Contains("http_request_duration_seconds_bucket{" + labels + R"(,le="0.1"} 1)"));
  CHECK_THAT(
      text, Catch::Contains("http_request_duration_seconds_bucket{" + labels + R"(,le="0.25"} 2)"));
  CHECK_THAT(
      text, Catch::Contains("http_request_duration_seconds_bucket{" + labels + R"(,le="+Inf"} 3)"));
  CHECK_THAT(text, Catch::Contains("http_request_duration_seconds_count{" + labels + "} 3"));
  CHECK_THAT(text, Catch::Contains("http_request_duration_seconds_sum{" + labels + "} 30.2004"));
}

TEST_CASE("gauges are read at scrape time and label values escaped", "[unit][metrics]") {
  Registry registry("s\"v");
  int value = 1;
  registry.add_gauge("db_pool_in_use", "Connections in use.", [&] { return value; });
  value = 3;
  const std::string text = registry.render();
  CHECK_THAT(text, Catch::Contains("# TYPE db_pool_in_use gauge"));
  CHECK_THAT(text, Catch::Contains(R"(db_pool_in_use{service="s\"v"} 3)"));
}
