// A stand-in for a service's main(): loads the JWT settings from the real
// environment and, on a ConfigError, exits the way every service does.
#include <cstdio>

#include "shared/config/env.hpp"

int main() {
  try {
    const auto settings = shared::config::load_jwt_settings(shared::config::Env());
    std::puts("config ok");
    return 0;
  } catch (const shared::config::ConfigError& error) {
    shared::config::exit_on_config_error(error);
  }
}
