#!/usr/bin/env bash
# End-to-end tests through the real nginx. Starts the whole stack with
# deploy/local/run.sh --detach in a throwaway data directory on free ports
# (so a developer's own stack on 8080 is left alone), runs the Node.js
# suites, stops and starts the stack to prove that users and tasks survive
# it, and always stops the stack and removes its data at the end.
#
# Usage: tests/e2e/run.sh [extra `node --test` arguments]
#   BUILD_DIR=build/dev tests/e2e/run.sh    reuse an existing build (tests/run.sh does)
#   E2E_KEEP_DATA=1 tests/e2e/run.sh        keep the data directory (logs) afterwards
#   E2E_BROWSER=0 tests/e2e/run.sh          skip the browser tests (tests/browser)
#   DB_POOLER=transaction tests/e2e/run.sh  everything through PgBouncer in transaction
#                                           mode (run.sh starts it; PGBOUNCER_POOL_SIZE
#                                           passes on too); tests/pooler/run.sh does this
#   LOAD_REQUESTS=3000 tests/e2e/run.sh     the size of the mixed load (tests/e2e/load)
#                                           [3000 with DB_POOLER=transaction, else 1500]
#
# Against a stack that already runs (no start/stop, no persistence check):
#   scripts/npm-ci.sh tests/openapi && E2E_BASE_URL=http://127.0.0.1:8080 node --test tests/e2e/
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../../scripts/lib.sh"
cd "$(dirname "$0")/../.."

data_dir=""
started=0
status=0

say() { echo "e2e: $*" >&2; }

configure() {
  data_dir=$(mktemp -d "${TMPDIR:-/tmp}/todo-e2e.XXXXXX")
  # Free ports, the private database and a generated secret, whatever the
  # caller's shell holds: the persistence check relies on both being in $data_dir.
  # DB_POOLER and PGBOUNCER_POOL_SIZE are the caller's: with
  # DB_POOLER=transaction run.sh puts PgBouncer between the services and
  # that database, for the whole run, restart included.
  throwaway_stack_env "$data_dir"
  # Every user of the suites signs up, and some fail logins, from the proxy's
  # loopback: far beyond what one real client does in an hour. The limits
  # have tests of their own (ctest: auth_http_test).
  export SIGNUP_MAX_PER_CLIENT=${SIGNUP_MAX_PER_CLIENT:-1000000}
  export LOGIN_MAX_FAILURES_PER_CLIENT=${LOGIN_MAX_FAILURES_PER_CLIENT:-1000000}
  if [[ ${DB_POOLER:-none} == transaction ]]; then
    say "the services reach their databases through PgBouncer in transaction mode" \
      "(DB_POOLER=transaction, ${PGBOUNCER_POOL_SIZE:-2} server connections per database)"
  fi
  export E2E_BASE_URL=http://127.0.0.1:$PROXY_PORT
  export E2E_AUTH_URL=http://127.0.0.1:$AUTH_PORT E2E_TASK_URL=http://127.0.0.1:$TASK_PORT
  export E2E_AUTH_LOG=$data_dir/logs/auth-service.log
  export E2E_TASK_LOG=$data_dir/logs/task-service.log
  export E2E_STATE_FILE=$data_dir/e2e-state.json
  # For the sessions suite: the service token secret (to mint one as
  # task-service does) and task-service's database (to see a deleted user's
  # tasks go). The password file is written when the stack first starts.
  export E2E_SECRETS_DIR=$data_dir/secrets
  E2E_PSQL="$(pg_bin)/psql"
  export E2E_PSQL
}

# After the stack started: task-service's database, as run.sh made it
# (directly, never through PgBouncer: the tests read it, the services do not).
export_task_database_url() {
  local password_file=$data_dir/secrets/todo_tasks-db-password
  [[ -s $password_file ]] || { say "no $password_file"; return 1; }
  E2E_TASK_DATABASE_URL="postgresql://todo_tasks:$(<"$password_file")@127.0.0.1:$PG_PORT/todo_tasks"
  export E2E_TASK_DATABASE_URL
}

start_stack() {
  started=1
  deploy/local/run.sh --detach
  require_pooler
}

# With DB_POOLER=transaction a pass means nothing unless the services really
# went through PgBouncer: run.sh must have started it (its port in the state).
require_pooler() {
  [[ ${DB_POOLER:-none} == transaction ]] || return 0
  local port state
  port=$(sed -n 's/^pgbouncer_port=//p' "$data_dir/run/state")
  state=$(deploy/local/run.sh status) || true
  if [[ -z $port || $state != *$'\n  pgbouncer     running'* ]]; then
    say "DB_POOLER=transaction, but run.sh started no PgBouncer"
    return 1
  fi
  say "PgBouncer runs on 127.0.0.1:$port"
}

stop_stack() {
  deploy/local/run.sh stop
}

require_node() {
  command -v node >/dev/null || { say "node is missing (deploy/local/install-deps.sh installs it)"; return 1; }
  local major
  major=$(node -p 'process.versions.node.split(".")[0]')
  ((major >= 18)) || { say "node $(node --version) is too old: the suite needs 18 or newer"; return 1; }
}

# node_test <files...>: one `node --test` run, its failure recorded.
node_test() {
  node --test --test-reporter=spec "${node_args[@]}" "$@" || status=1
}

# A few thousand mixed requests from 16 concurrent clients through the proxy
# (tests/e2e/load/mixed_load.mjs): any 5xx or other unexpected answer fails.
# Larger behind PgBouncer, where it is what catches a transaction that
# relied on its server connection (about 10 s for 1500 with a sanitizer build).
run_load() {
  local requests=1500 started=$SECONDS
  [[ ${DB_POOLER:-none} != transaction ]] || requests=3000
  requests=${LOAD_REQUESTS:-$requests}
  say "load: $requests mixed requests from 16 clients"
  LOAD_REQUESTS=$requests LOAD_CLIENTS=16 node tests/e2e/load/mixed_load.mjs || status=1
  say "load: took $((SECONDS - started))s"
}

# A sanitizer build (tests/run.sh uses the dev preset) reports memory errors
# and leaks in the service's log, often only at exit: any such report fails.
check_sanitizer_reports() {
  local log
  for log in "$data_dir"/logs/{auth-service,task-service}.log; do
    if grep -qE 'ERROR: (Address|Leak|Thread)Sanitizer|runtime error:' "$log" 2>/dev/null; then
      say "sanitizer report in $log:"
      grep -E -A 30 'ERROR: (Address|Leak|Thread)Sanitizer|runtime error:' "$log" | head -n 60 >&2
      status=1
    fi
  done
}

show_logs() {
  local log
  for log in "$data_dir"/logs/{auth-service,task-service,nginx,pgbouncer}.log; do
    [[ -s $log ]] || continue
    say "last lines of $log:"
    tail -n 40 "$log" >&2
  done
}

# Runs on every exit (success, failure, Ctrl-C): nothing may outlive the run.
cleanup() {
  local exit_status=$?
  trap - EXIT INT TERM
  if [[ $started -eq 1 ]]; then
    stop_stack || exit_status=1
  fi
  if [[ -n $data_dir ]]; then
    if [[ $exit_status -ne 0 ]]; then show_logs; fi
    if ! nothing_runs; then
      # Removing the pid files would orphan what still runs: keep them.
      say "parts of the stack still run; stop them with:" \
        "TODO_DATA_DIR=$data_dir deploy/local/run.sh stop"
      exit_status=1
    elif [[ ${E2E_KEEP_DATA:-0} == 1 ]]; then
      say "data kept in $data_dir"
    else
      rm -rf "$data_dir"
    fi
  fi
  exit "$exit_status"
}

# `run.sh status` exits 3 when no part of the stack runs.
nothing_runs() {
  local status=0
  deploy/local/run.sh status >/dev/null 2>&1 || status=$?
  [[ $status -eq 3 ]]
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

main() {
  node_args=("$@")
  configure
  start_stack
  export_task_database_url
  require_node
  # lib/client.mjs checks every response against docs/openapi.yaml with
  # tests/openapi/validator.mjs, whose npm packages (Ajv) this installs.
  scripts/npm-ci.sh tests/openapi

  local suites=(tests/e2e/*.test.mjs)
  say "suites: ${suites[*]}"
  node_test "${suites[@]}"

  run_load

  if [[ ${E2E_BROWSER:-1} == 0 ]]; then
    say "browser: skipped (E2E_BROWSER=0)"
  else
    say "browser: /docs and the web app at / in headless Chromium"
    tests/browser/run.sh || status=1
  fi

  say "persistence: seeding, then stopping and starting the whole stack"
  node_test tests/e2e/persistence/seed.mjs
  stop_stack
  start_stack
  node_test tests/e2e/persistence/verify.mjs

  stop_stack
  started=0
  check_sanitizer_reports
  if [[ $status -eq 0 ]]; then say "all end-to-end tests passed"; else say "FAILED"; fi
  return "$status"
}

main "$@"
