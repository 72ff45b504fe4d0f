// The process-wide logger. spdlog supplies the sink (with its mutex, so
// concurrent events never interleave within a line), the UTC millisecond
// timestamp and per-line flushing; this file decides the line's shape.
#include <atomic>
#include <memory>

#include <errno.h>  // program_invocation_short_name (glibc)
#include <spdlog/logger.h>
#include <spdlog/pattern_formatter.h>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/sinks/stdout_sinks.h>

#include "shared/log/logging.hpp"

#include "line_format.hpp"
#include "request_context.hpp"

namespace shared::log {
namespace {

constexpr const char* kTimestamp = "%Y-%m-%dT%H:%M:%S.%eZ";

struct Installed {
  std::shared_ptr<spdlog::logger> logger;
  std::string service;
  Format format = Format::kText;
};

// Read on every enabled event, replaced only by configure(): an atomic
// shared_ptr lets a late configure() never free a logger another thread uses.
std::atomic<std::shared_ptr<const Installed>> g_installed;
// Checked before anything else, so a disabled event costs one atomic load.
std::atomic<Level> g_level{Level::kInfo};

std::shared_ptr<const Installed> make_installed(Format format, std::string_view service,
                                                spdlog::sink_ptr sink) {
  const std::string pattern = format == Format::kJson
                                  ? std::string("{\"ts\":\"") + kTimestamp + "\",%v"
                                  : std::string(kTimestamp) + " %v";
  sink->set_formatter(
      std::make_unique<spdlog::pattern_formatter>(pattern, spdlog::pattern_time_type::utc));
  auto logger = std::make_shared<spdlog::logger>(std::string(service), std::move(sink));
  logger->set_level(spdlog::level::trace);  // filtering happens in event()
  logger->flush_on(spdlog::level::trace);   // every line reaches the reader at once
  return std::make_shared<const Installed>(
      Installed{std::move(logger), std::string(service), format});
}

std::shared_ptr<const Installed> installed() {
  auto current = g_installed.load();
  if (current) return current;
  // Not configured yet (e.g. a failure before main() called configure):
  // text on stderr, named after the program.
  auto fallback = make_installed(Format::kText, program_invocation_short_name,
                                 std::make_shared<spdlog::sinks::stderr_sink_mt>());
  std::shared_ptr<const Installed> expected;
  if (g_installed.compare_exchange_strong(expected, fallback)) return fallback;
  return expected;  // another thread installed one first
}

void install(const LogSettings& settings, std::string_view service, spdlog::sink_ptr sink) {
  g_installed.store(make_installed(settings.format, service, std::move(sink)));
  g_level.store(settings.level);
}

spdlog::level::level_enum to_spdlog(Level level) {
  return static_cast<spdlog::level::level_enum>(static_cast<int>(level));
}

}  // namespace

void configure(const LogSettings& settings, std::string_view service_name) {
  install(settings, service_name, std::make_shared<spdlog::sinks::stderr_sink_mt>());
}

void configure(const LogSettings& settings, std::string_view service_name, std::ostream& sink) {
  install(settings, service_name,
          std::make_shared<spdlog::sinks::ostream_sink_mt>(sink, /*force_flush=*/true));
}

void event(Level level, std::string_view message, std::initializer_list<Field> fields) {
  if (level == Level::kOff || level < g_level.load(std::memory_order_relaxed)) return;
  try {
    const auto target = installed();
    const internal::EventView view{level, target->service, message, internal::current_request_id(),
                                   fields};
    const std::string body = target->format == Format::kJson ? internal::format_json_body(view)
                                                             : internal::format_text_body(view);
    target->logger->log(to_spdlog(level), spdlog::string_view_t(body.data(), body.size()));
  } catch (...) {
    // Logging must never take a request down (e.g. std::bad_alloc).
  }
}

}  // namespace shared::log
