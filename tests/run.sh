#!/usr/bin/env bash
# The README's test command, and what CI runs (.ci/run) in a fresh clone on a
# fresh Debian 12 machine: installs what is missing, builds, starts a private
# throwaway PostgreSQL 15, runs every test, and always cleans up.
#
# Usage: tests/run.sh [extra ctest arguments]
#   tests/run.sh                      everything, preset `dev` (ASan + UBSan)
#   tests/run.sh -L unit              only tests labelled unit
#   tests/run.sh -R shared_db         only tests whose name matches
#   TEST_PRESET=release tests/run.sh  another CMake preset (CMakePresets.json)
#   TEST_CONTAINERS=0 tests/run.sh    skip building the images and running the stack in podman
# Without ctest arguments, the end-to-end suite through nginx
# (tests/e2e/run.sh, with the browser tests of /docs and of the web app)
# runs after ctest, on the same build, then the pooler check (tests/pooler/run.sh:
# the services behind PgBouncer in transaction mode, DB_POOLER=transaction),
# the TLS check (tests/tls/run.sh: sslmode=verify-full), the replicas check
# (tests/replicas/run.sh: 2 + 2 replicas behind nginx, a rolling restart
# under load, the login limit across replicas), and then the same suite
# against the stack in containers
# (deploy/docker/test.sh, as root). The web app's own unit tests
# (web/test.sh) run in every case.
#
# Tests find the server through the environment exported here:
#   TEST_PG_URL      superuser URL of its `postgres` database
#   TEST_PG_RESTART  shell command that restarts it (waits until it is up)
#   TEST_PG_BIN, TEST_PG_HOST, TEST_PG_PORT
#   TEST_PGBOUNCER_URL  the same server through PgBouncer in transaction mode
#                    (2 server connections per database and role; any database
#                    created on the server is reachable by its name, any role
#                    logs in without a password), superuser URL of `postgres`
#
# Adding a step (end-to-end tests, benchmarks, ...): write a function and add
# one `run_step` line to main(). Steps after the build all run even when an
# earlier one failed, so one run reports everything; the script exits with
# the status of the first step that failed.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib.sh"
cd "$(dirname "$0")/.."

readonly preset=${TEST_PRESET:-dev}

pg_dir=""    # the throwaway cluster's temp dir; empty until created
step_results=()
exit_status=0

say() { echo "run.sh: $*" >&2; }

# --- steps -----------------------------------------------------------------

install_dependencies() {
  deploy/local/install-deps.sh
}

build() {
  cmake --preset "$preset"
  cmake --build --preset "$preset" -j"$(nproc)"
}

# A private server rather than the machine's (scripts/lib.sh): tests create
# and drop databases and restart it at will, and must not depend on (or
# disturb) any local setup.
start_postgres() {
  pg_dir=$(mktemp -d "${TMPDIR:-/tmp}/todo-tests-pg.XXXXXX")
  local port
  port=$(start_throwaway_postgres "$pg_dir" 'max_connections = 300')
  TEST_PG_BIN=$(pg_bin)
  export TEST_PG_BIN TEST_PG_HOST=127.0.0.1 TEST_PG_PORT=$port
  export TEST_PG_URL="postgresql://postgres@127.0.0.1:$port/postgres"
  TEST_PG_RESTART=$(throwaway_postgres_restart_command "$pg_dir")
  export TEST_PG_RESTART
  say "PostgreSQL 15 on 127.0.0.1:$port (data in $pg_dir)"
  # For the tests of DB_POOLER=transaction: the services' database code
  # behind a transaction-mode pooler, where consecutive transactions of one
  # connection run on different server connections.
  local pgbouncer_port
  pgbouncer_port=$(start_throwaway_pgbouncer "$pg_dir/pgbouncer" "$port")
  export TEST_PGBOUNCER_URL="postgresql://postgres@127.0.0.1:$pgbouncer_port/postgres"
  say "PgBouncer (transaction mode) on 127.0.0.1:$pgbouncer_port in front of it"
}

run_ctest() {
  ctest --preset "$preset" -j2 --output-on-failure --timeout 300 "$@"
}

# The whole stack behind nginx, started by deploy/local/run.sh from the build
# above (its own PostgreSQL, free ports, a temp data dir; stopped at the end
# even on failure). Skipped when ctest arguments select a subset (-R, -L).
run_e2e() {
  BUILD_DIR="build/$preset" tests/e2e/run.sh
}

# DB_POOLER=transaction behind PgBouncer: two replicas of each service
# migrating one fresh database at once, then the end-to-end suite and a
# mixed load through the pooler (tests/pooler/run.sh). Skipped like e2e.
run_pooler() {
  BUILD_DIR="build/$preset" tests/pooler/run.sh
}

# The images built from deploy/docker's Dockerfiles with podman, the whole
# stack run in containers and the end-to-end suite run through the proxy
# container (installs podman itself; docs/deploy.md, "The checks CI runs").
run_containers() {
  deploy/docker/test.sh
}

# --- plumbing ----------------------------------------------------------------

# Runs on every exit (success, failure, Ctrl-C, kill), so no server or temp
# dir outlives the run.
cleanup() {
  if [[ -n $pg_dir ]]; then
    stop_throwaway_pgbouncer "$pg_dir/pgbouncer"
    stop_throwaway_postgres "$pg_dir"
    rm -rf "$pg_dir"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# run_step <name> <command...>: runs a test step, records its outcome and
# what it cost (scripts/lib.sh's run_timed), e.g. "tidy: ok (231s)".
run_step() {
  local status=0
  run_timed step_results "$@" || status=$?
  [[ $status -eq 0 || $exit_status -ne 0 ]] || exit_status=$status
}

main() {
  local started=$SECONDS
  install_dependencies
  build
  step_results+=("set-up and build: $((SECONDS - started))s")
  start_postgres
  # clang-format over every tracked C++ file (seconds).
  [[ $# -gt 0 ]] || run_step "format" tests/lint/format.sh
  # clang-tidy over the services and shared/ (about 4 min on 2 cores).
  [[ $# -gt 0 ]] || run_step "tidy" tests/lint/tidy.sh "build/$preset"
  run_step "ctest" run_ctest "$@"
  [[ $# -gt 0 ]] || run_step "e2e" run_e2e
  [[ $# -gt 0 ]] || run_step "pooler" run_pooler
  # Two replicas of each service behind nginx: both serve, a rolling restart
  # under load without a failed request, the login limit across replicas.
  [[ $# -gt 0 ]] || run_step "replicas" env BUILD_DIR="build/$preset" tests/replicas/run.sh
  # The stack against a PostgreSQL that takes TLS only, with sslmode=verify-full;
  # a wrong CA or host name is refused (about 15 s).
  [[ $# -gt 0 ]] || run_step "tls" tests/tls/run.sh
  # Lints docs/openapi.yaml and unit-tests its response validator (npm).
  run_step "openapi" tests/openapi/run.sh
  # The web app (web/): its unit tests and whether its generated API types
  # still match docs/openapi.yaml (npm). Its browser tests run in e2e.
  [[ ! -f web/test.sh ]] || run_step "web" bash web/test.sh
  # Kubernetes manifests rendered and validated, compose file and Dockerfiles
  # checked against each other (no cluster, no container engine).
  run_step "deploy" tests/deploy/run.sh
  # Compiles the services again inside podman (the `image` preset), so it can
  # be skipped (TEST_CONTAINERS=0) on a quick local run; CI always runs it.
  if [[ $# -eq 0 && ${TEST_CONTAINERS:-1} != 0 ]]; then run_step "containers" run_containers; fi
  say "preset $preset, $((SECONDS - started))s: $(IFS=';'; echo "${step_results[*]}" | sed 's/;/, /g')"
  exit "$exit_status"
}

main "$@"
