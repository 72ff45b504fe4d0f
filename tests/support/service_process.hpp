#pragma once
// Runs a service executable as a child process for integration tests: its
// own environment, its output captured to a file the test can read (to
// assert on log lines), started until /healthz answers, stopped by SIGTERM.

#include <chrono>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include <sys/types.h>

namespace test {

// A TCP port that was free a moment ago on 127.0.0.1.
std::uint16_t free_port();

class ServiceProcess {
 public:
  using Environment = std::vector<std::pair<std::string, std::string>>;

  // Starts `executable` with exactly `environment` (plus PATH) and `args`.
  ServiceProcess(std::string executable, Environment environment,
                 std::vector<std::string> args = {});
  ~ServiceProcess();  // SIGKILL if still running
  ServiceProcess(const ServiceProcess&) = delete;
  ServiceProcess& operator=(const ServiceProcess&) = delete;

  // Polls GET /healthz on `port` until 200; throws with the log on timeout
  // or when the process exits first.
  void wait_until_healthy(std::uint16_t port,
                          std::chrono::milliseconds timeout = std::chrono::seconds(20));
  // Waits for the process to exit by itself; returns its exit status
  // (128 + signal when killed by one), or -1 on timeout.
  int wait_for_exit(std::chrono::milliseconds timeout = std::chrono::seconds(30));
  // SIGTERM, then waits; returns the exit status as wait_for_exit does.
  int stop(std::chrono::milliseconds timeout = std::chrono::seconds(30));
  void signal(int signal_number);

  std::string log() const;  // everything written to stdout and stderr so far
  pid_t pid() const { return pid_; }

 private:
  pid_t pid_ = -1;
  std::string log_path_;
  int exit_status_ = -1;
};

}  // namespace test
