#include "shared/metrics/registry.hpp"

#include <charconv>
#include <cmath>
#include <sstream>

namespace shared::metrics {
namespace {

// Label values are escaped as the exposition format requires: \ " and newline.
std::string escape_label(std::string_view value) {
  std::string out;
  out.reserve(value.size());
  for (char c : value) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '"') {
      out += "\\\"";
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out;
}

std::string format_number(double value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "+Inf" : "-Inf";
  char buffer[400];  // fixed notation of the largest double fits
  // Shortest text that reads back as the same double: 0.1, not 0.1000000000000000055.
  const auto result =
      std::to_chars(buffer, buffer + sizeof(buffer), value, std::chars_format::fixed);
  return std::string(buffer, result.ptr);
}

}  // namespace

Registry::Registry(std::string service_name) : service_name_(std::move(service_name)) {}

std::atomic<std::uint64_t>& Registry::counter_for(std::string_view method, std::string_view route,
                                                  int status) {
  std::lock_guard lock(mutex_);
  auto key = CounterKey{std::string(method), std::string(route), status};
  auto it = counters_.find(key);
  if (it == counters_.end()) {
    it = counters_.emplace(std::move(key), std::make_unique<std::atomic<std::uint64_t>>(0)).first;
  }
  return *it->second;
}

Registry::Histogram& Registry::histogram_for(std::string_view method, std::string_view route) {
  std::lock_guard lock(mutex_);
  auto key = HistogramKey{std::string(method), std::string(route)};
  auto it = histograms_.find(key);
  if (it == histograms_.end()) {
    it = histograms_.emplace(std::move(key), std::make_unique<Histogram>()).first;
  }
  return *it->second;
}

void Registry::observe_request(std::string_view method, std::string_view route, int status,
                               double seconds) {
  counter_for(method, route, status).fetch_add(1, std::memory_order_relaxed);
  Histogram& histogram = histogram_for(method, route);
  for (std::size_t i = 0; i < kDurationBuckets.size(); ++i) {
    if (seconds <= kDurationBuckets[i]) {
      histogram.buckets[i].fetch_add(1, std::memory_order_relaxed);
      break;  // buckets are stored non-cumulative; render() accumulates
    }
  }
  histogram.count.fetch_add(1, std::memory_order_relaxed);
  const auto micros = static_cast<std::uint64_t>(std::llround(std::max(seconds, 0.0) * 1e6));
  histogram.sum_microseconds.fetch_add(micros, std::memory_order_relaxed);
}

void Registry::add_gauge(std::string name, std::string help, std::function<double()> read) {
  std::lock_guard lock(mutex_);
  gauges_.push_back({std::move(name), std::move(help), std::move(read)});
}

std::string Registry::render() const {
  std::ostringstream out;
  std::lock_guard lock(mutex_);

  out << "# HELP http_requests_total Requests answered, by method, route template and status.\n"
      << "# TYPE http_requests_total counter\n";
  for (const auto& [key, value] : counters_) {
    const auto& [method, route, status] = key;
    out << "http_requests_total{service=\"" << escape_label(service_name_) << "\",method=\""
        << escape_label(method) << "\",route=\"" << escape_label(route) << "\",status=\"" << status
        << "\"} " << value->load(std::memory_order_relaxed) << '\n';
  }

  out << "# HELP http_request_duration_seconds Time from a complete request to its response.\n"
      << "# TYPE http_request_duration_seconds histogram\n";
  for (const auto& [key, histogram] : histograms_) {
    const auto& [method, route] = key;
    const std::string labels = "service=\"" + escape_label(service_name_) + "\",method=\"" +
                               escape_label(method) + "\",route=\"" + escape_label(route) + "\"";
    std::uint64_t cumulative = 0;
    for (std::size_t i = 0; i < kDurationBuckets.size(); ++i) {
      cumulative += histogram->buckets[i].load(std::memory_order_relaxed);
      out << "http_request_duration_seconds_bucket{" << labels << ",le=\""
          << format_number(kDurationBuckets[i]) << "\"} " << cumulative << '\n';
    }
    const auto count = histogram->count.load(std::memory_order_relaxed);
    out << "http_request_duration_seconds_bucket{" << labels << ",le=\"+Inf\"} " << count << '\n'
        << "http_request_duration_seconds_sum{" << labels << "} "
        << format_number(
               static_cast<double>(histogram->sum_microseconds.load(std::memory_order_relaxed)) /
               1e6)
        << '\n'
        << "http_request_duration_seconds_count{" << labels << "} " << count << '\n';
  }

  for (const auto& gauge : gauges_) {
    out << "# HELP " << gauge.name << ' ' << gauge.help << '\n'
        << "# TYPE " << gauge.name << " gauge\n"
        << gauge.name << "{service=\"" << escape_label(service_name_) << "\"} "
        << format_number(gauge.read()) << '\n';
  }
  return out.str();
}

}  // namespace shared::metrics
