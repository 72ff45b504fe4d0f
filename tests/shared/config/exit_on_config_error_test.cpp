// Runs config_exit_probe (a tiny main()) with a bad environment and checks the
// process contract: exit status 1 and exactly one "config error: ..." line on
// stderr that names the variable and not the value.
#include <array>
#include <cstdio>
#include <string>

#include <catch2/catch.hpp>
#include <sys/wait.h>

namespace {

struct ProbeRun {
  int exit_status = -1;
  std::string stderr_text;
};

ProbeRun run_probe(const std::string& environment) {
  // stderr into the pipe, stdout discarded; `env -i` so nothing leaks in.
  const std::string command =
      "env -i " + environment + " " CONFIG_EXIT_PROBE_PATH " 2>&1 >/dev/null";
  FILE* pipe = ::popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  ProbeRun run;
  std::array<char, 512> buffer{};
  while (const std::size_t n = std::fread(buffer.data(), 1, buffer.size(), pipe)) {
    run.stderr_text.append(buffer.data(), n);
  }
  const int status = ::pclose(pipe);
  REQUIRE(WIFEXITED(status));
  run.exit_status = WEXITSTATUS(status);
  return run;
}

}  // namespace

TEST_CASE("exit_on_config_error: missing secret exits 1 with one line") {
  const auto run = run_probe("");
  CHECK(run.exit_status == 1);
  CHECK(run.stderr_text == "config error: JWT_SECRET: must be set (or JWT_SECRET_FILE)\n");
}

TEST_CASE("exit_on_config_error: short secret exits 1 without printing the secret") {
  const auto run = run_probe("JWT_SECRET=tiny-secret-value");
  CHECK(run.exit_status == 1);
  CHECK(run.stderr_text.rfind("config error: JWT_SECRET: ", 0) == 0);
  CHECK(run.stderr_text.find("tiny-secret-value") == std::string::npos);
  CHECK(run.stderr_text.find('\n') == run.stderr_text.size() - 1);
}

TEST_CASE("exit_on_config_error: a good configuration does not exit with 1") {
  const auto run = run_probe("JWT_SECRET=0123456789abcdef0123456789abcdef");
  CHECK(run.exit_status == 0);
  CHECK(run.stderr_text.empty());
}
