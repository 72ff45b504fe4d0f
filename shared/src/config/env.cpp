// Env accessors. Error messages name the variable and the rule that was
// broken, never the value: the value may be a secret or a URL with a password.
#include "shared/config/env.hpp"

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <string_view>

#include "secret_file.hpp"
#include "text.hpp"

namespace shared::config {

EnvLookup process_environment() {
  return [](const std::string& name) -> std::optional<std::string> {
    // getenv is only unsafe against concurrent setenv; configuration is read
    // once at start-up, before any thread that could call setenv exists.
    const char* value = std::getenv(name.c_str());  // NOLINT(concurrency-mt-unsafe)
    if (value == nullptr) return std::nullopt;
    return std::string(value);
  };
}

Env::Env(EnvLookup lookup) : lookup_(std::move(lookup)) {}

std::optional<std::string> Env::raw(const std::string& name) const {
  auto value = lookup_(name);
  if (!value || value->empty()) return std::nullopt;
  return value;
}

std::optional<std::string> Env::as_set(const std::string& name) const {
  return lookup_(name);
}

std::string Env::string(const std::string& name, const std::string& fallback) const {
  return raw(name).value_or(fallback);
}

std::string Env::required_string(const std::string& name) const {
  auto value = raw(name);
  if (!value) throw ConfigError(name, "must be set");
  return *std::move(value);
}

std::int64_t Env::integer(const std::string& name, std::int64_t fallback, std::int64_t min,
                          std::int64_t max) const {
  const auto value = raw(name);
  if (!value) return fallback;
  const std::string range = "between " + std::to_string(min) + " and " + std::to_string(max);
  std::int64_t parsed = 0;
  const char* end = value->data() + value->size();
  const auto [stop, error] = std::from_chars(value->data(), end, parsed);
  if (error == std::errc::result_out_of_range) throw ConfigError(name, "must be " + range);
  if (error != std::errc{} || stop != end) {
    throw ConfigError(name, "must be a decimal integer " + range);
  }
  if (parsed < min || parsed > max) throw ConfigError(name, "must be " + range);
  return parsed;
}

std::chrono::seconds Env::seconds(const std::string& name, std::chrono::seconds fallback,
                                  std::chrono::seconds min, std::chrono::seconds max) const {
  return std::chrono::seconds(integer(name, fallback.count(), min.count(), max.count()));
}

std::string Env::choice(const std::string& name, const std::string& fallback,
                        const std::vector<std::string>& allowed) const {
  auto value = raw(name);
  if (!value) return fallback;
  if (std::find(allowed.begin(), allowed.end(), *value) != allowed.end()) return *value;
  throw ConfigError(name, "must be one of: " + internal::join(allowed, ", "));
}

std::vector<std::string> Env::list(const std::string& name,
                                   const std::vector<std::string>& fallback) const {
  const auto value = lookup_(name);
  if (!value) return fallback;
  return internal::split_list(*value);
}

std::optional<std::string> Env::secret(const std::string& name) const {
  const std::string file_variable = name + "_FILE";
  auto direct = raw(name);
  const auto path = raw(file_variable);
  if (direct && path) {
    throw ConfigError(name, "is set together with " + file_variable + "; set only one of them");
  }
  if (direct) return direct;
  if (path) return internal::read_secret_file(file_variable, *path);
  return std::nullopt;
}

}  // namespace shared::config
