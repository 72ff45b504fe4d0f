// Integration test: two processes migrating one fresh database at the same
// moment both succeed, and every migration is applied exactly once.
#include <string>

#include <catch2/catch.hpp>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include "pool_test_helpers.hpp"

extern char** environ;

namespace {

struct ProbeRun {
  int exit_code = -1;
  std::string output;
};

class Probe {
 public:
  Probe(const std::string& url, long long start_at_ms) {
    REQUIRE(::pipe(pipe_) == 0);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, pipe_[1], STDOUT_FILENO);
    posix_spawn_file_actions_addclose(&actions, pipe_[0]);
    const std::string start = std::to_string(start_at_ms);
    char* argv[] = {const_cast<char*>(MIGRATE_PROBE_PATH), const_cast<char*>(url.c_str()),
                    const_cast<char*>(start.c_str()), nullptr};
    const int spawned = posix_spawn(&pid_, MIGRATE_PROBE_PATH, &actions, nullptr, argv, environ);
    posix_spawn_file_actions_destroy(&actions);
    ::close(pipe_[1]);
    REQUIRE(spawned == 0);
  }

  ProbeRun wait() {
    ProbeRun run;
    char buffer[256];
    for (ssize_t n; (n = ::read(pipe_[0], buffer, sizeof buffer)) > 0;)
      run.output.append(buffer, n);
    ::close(pipe_[0]);
    int status = 0;
    REQUIRE(::waitpid(pid_, &status, 0) == pid_);
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return run;
  }

 private:
  int pipe_[2] = {-1, -1};
  pid_t pid_ = -1;
};

long long epoch_ms_from_now(std::chrono::milliseconds delay) {
  const auto at = std::chrono::system_clock::now() + delay;
  return std::chrono::duration_cast<std::chrono::milliseconds>(at.time_since_epoch()).count();
}

// Both processes start at the same instant, well after both have been
// spawned; `via` is the URL they connect to, `url` the database itself.
void check_two_processes_migrate_once(const std::string& url, const std::string& via) {
  const long long start_at = epoch_ms_from_now(std::chrono::milliseconds(500));
  Probe first(via, start_at);
  Probe second(via, start_at);
  const ProbeRun a = first.wait();
  const ProbeRun b = second.wait();
  INFO("first: " << a.output << "second: " << b.output);
  REQUIRE(a.exit_code == 0);
  REQUIRE(b.exit_code == 0);

  // One applied all three, the other found all three present.
  const std::string all_applied = "applied=3 present=0\n";
  const std::string none_applied = "applied=0 present=3\n";
  CHECK(((a.output == all_applied && b.output == none_applied) ||
         (a.output == none_applied && b.output == all_applied)));

  shared::db::ConnectionPool pool(db_test::settings_for(url, 1));
  CHECK(db_test::query_number(pool, "SELECT count(*) FROM schema_migrations") == 3);
  CHECK(db_test::query_number(pool, "SELECT count(*) FROM probe_log") == 3);
  CHECK(db_test::query_number(pool, "SELECT count(DISTINCT version) FROM probe_log") == 3);
  CHECK(db_test::query_number(pool, "SELECT count(*) FROM probe_items") == 2);
}

}  // namespace

TEST_CASE("two processes migrating one fresh database both succeed and apply each migration once") {
  const std::string url = test_support::create_test_database("mig_race");
  check_two_processes_migrate_once(url, url);
}

// The lock is transaction-scoped (pg_advisory_xact_lock), so it holds behind
// a transaction-mode pooler, where a session lock would stay behind on a
// server session that another client then gets.
TEST_CASE("two processes migrating at once through PgBouncer in transaction mode") {
  const std::string url = test_support::create_test_database("mig_race_pooled");
  check_two_processes_migrate_once(url, test_support::through_pgbouncer(url));
}
