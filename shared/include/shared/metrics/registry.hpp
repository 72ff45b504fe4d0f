#pragma once
// Process metrics in the Prometheus text exposition format 0.0.4.
//
// Request metrics are keyed by route *template* (never the raw path, which
// would explode cardinality with task ids). Gauges are read from callbacks at
// scrape time, so their owners (pool, worker queue) need no push calls.

#include <array>
#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace shared::metrics {

// Upper bounds, in seconds, of the request-duration histogram buckets.
inline constexpr std::array<double, 12> kDurationBuckets = {
    0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5};

class Registry {
 public:
  explicit Registry(std::string service_name);
  Registry(const Registry&) = delete;
  Registry& operator=(const Registry&) = delete;

  // Counts one finished request (http_requests_total{method,route,status})
  // and its duration (http_request_duration_seconds{method,route}).
  void observe_request(std::string_view method, std::string_view route, int status, double seconds);

  // A gauge read by calling `read` at each scrape. `name` must be a valid
  // metric name; register gauges at start-up, before serving.
  void add_gauge(std::string name, std::string help, std::function<double()> read);

  std::string render() const;

 private:
  struct Histogram {
    std::array<std::atomic<std::uint64_t>, kDurationBuckets.size()> buckets{};
    std::atomic<std::uint64_t> count{0};
    std::atomic<std::uint64_t> sum_microseconds{0};
  };
  struct Gauge {
    std::string name;
    std::string help;
    std::function<double()> read;
  };
  using CounterKey = std::tuple<std::string, std::string, int>;  // method, route, status
  using HistogramKey = std::tuple<std::string, std::string>;     // method, route

  std::atomic<std::uint64_t>& counter_for(std::string_view method, std::string_view route,
                                          int status);
  Histogram& histogram_for(std::string_view method, std::string_view route);

  std::string service_name_;
  mutable std::mutex mutex_;  // guards the maps' structure; values are atomics
  std::map<CounterKey, std::unique_ptr<std::atomic<std::uint64_t>>, std::less<>> counters_;
  std::map<HistogramKey, std::unique_ptr<Histogram>, std::less<>> histograms_;
  std::vector<Gauge> gauges_;
};

}  // namespace shared::metrics
