#pragma once
// An in-memory environment for Env, and a check that a ConfigError names the
// variable but never repeats the offending value.

#include <map>
#include <string>

#include <catch2/catch.hpp>

#include "shared/config/env.hpp"

namespace test {

inline shared::config::Env fake_env(std::map<std::string, std::string> variables) {
  return shared::config::Env(
      [variables = std::move(variables)](const std::string& name) -> std::optional<std::string> {
        const auto found = variables.find(name);
        if (found == variables.end()) return std::nullopt;
        return found->second;
      });
}

// Runs `load`, which must throw ConfigError for `variable`; the message must
// name the variable and must not contain `value`.
template <typename Load>
void require_config_error(Load&& load, const std::string& variable, const std::string& value) {
  try {
    load();
    FAIL("expected a ConfigError for " << variable);
  } catch (const shared::config::ConfigError& error) {
    CHECK(error.variable() == variable);
    const std::string message = error.what();
    CHECK(message.find(variable) != std::string::npos);
    if (!value.empty()) CHECK(message.find(value) == std::string::npos);
  }
}

}  // namespace test
