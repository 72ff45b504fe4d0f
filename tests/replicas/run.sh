#!/usr/bin/env bash
# Replicas in the local stack (issue 14): deploy/local/run.sh with
# AUTH_REPLICAS=2 TASK_REPLICAS=2 in a throwaway data directory on free
# ports, LOGIN_MAX_FAILURES_PER_EMAIL=5. One step of tests/run.sh. Parts,
# each timed:
#
#   1. spread: `run.sh status` shows the four replicas with their ports,
#      and requests through nginx reach both replicas of each service (each
#      replica's own log has some of them, by their X-Request-ID).
#   2. rolling restart: while 4 clients create and list tasks (and ask
#      /auth/me, and log in now and then) through nginx without pause,
#      `run.sh restart` restarts each of the 4 replicas in turn; the client
#      must see 0 failed requests and find every task whose create was
#      acknowledged (201) in the final listing, and no other.
#   3. login limit: 5 wrong-password logins for one email through nginx,
#      spread over both auth replicas, then the 6th is 429 (the limit is
#      counted once for the service, not per replica), and still 429 after
#      both auth replicas were restarted. Needs the failed-login counters in
#      PostgreSQL; with counters in each process's memory it fails and
#      says what it saw.
#
# Afterwards no replica's log may hold an error, critical or sanitizer line.
# Prints what each part cost (about 30 s here with the Debug+ASan build).
#
# Usage: tests/replicas/run.sh
#   BUILD_DIR=build/dev    the build tree with both executables     [build/release];
#                          run.sh brings it up to date first unless SKIP_BUILD=1
#   SKIP_BUILD=1           use its executables as they are
#   REPLICAS_KEEP_DATA=1   keep the data directory (logs) afterwards
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../../scripts/lib.sh"
cd "$(dirname "$0")/../.."

readonly login_limit=5
readonly replicas=(auth-service auth-service-1 task-service task-service-1)
data_dir=""
stack_started=0
client_pid=""
timings=()

say() { echo "replicas: $*" >&2; }

traffic() {
  node tests/replicas/traffic.mjs "$@"
}

# log_count <replica> <request id prefix>: the requests with such an id it
# answered (its `request` lines; other lines may name the id too).
log_count() {
  grep -c " request request_id=$2" "$data_dir/logs/$1.log" || true
}

# --- the stack ---------------------------------------------------------------

# The web app is not built (an empty STATIC_ROOT): nothing here looks at it.
# BCRYPT_COST=10, the lowest the service takes: part 3 counts logins, it
# does not measure hashing.
start_stack() {
  data_dir=$(mktemp -d "${TMPDIR:-/tmp}/todo-replicas.XXXXXX") || return 1
  export AUTH_REPLICAS=2 TASK_REPLICAS=2
  throwaway_stack_env "$data_dir" && mkdir -p "$data_dir/www" || return 1
  export E2E_BASE_URL=http://127.0.0.1:$PROXY_PORT
  stack_started=1
  STATIC_ROOT=$data_dir/www LOGIN_MAX_FAILURES_PER_EMAIL=$login_limit BCRYPT_COST=10 \
    BUILD_DIR=${BUILD_DIR:-build/release} deploy/local/run.sh --detach || return 1
  check_status
}

# `run.sh status`: every replica running, each on its port (AUTH_PORT/TASK_PORT + 100·k).
check_status() {
  local status name port
  status=$(deploy/local/run.sh status) || { say "run.sh status: not everything runs"; echo "$status" >&2; return 1; }
  echo "$status" >&2
  for name in "${replicas[@]}"; do
    port=$AUTH_PORT
    [[ $name == auth-* ]] || port=$TASK_PORT
    [[ $name != *-1 ]] || port=$((port + $(replica_port_step)))
    grep -qE "^  $name +running \(pid [0-9]+, 127\.0\.0\.1:$port\)$" <<<"$status" ||
      { say "run.sh status does not show $name running on 127.0.0.1:$port"; return 1; }
  done
}

# --- part 1: both replicas of each service serve ------------------------------

spread() {
  traffic spread 10 || return 1
  local name count failed=0
  for name in "${replicas[@]}"; do
    count=$(log_count "$name" replicas-spread-)
    say "$name served $count of them"
    ((count > 0)) || failed=1
  done
  ((failed == 0)) || say "a replica served none of them: nginx does not balance over the replicas"
  return "$failed"
}

# --- part 2: a rolling restart under load -------------------------------------

client_answers() {
  cat "$data_dir/rolling.progress" 2>/dev/null || echo 0
}

# start_client: the rolling load in the background, once all its clients run.
start_client() {
  local deadline=$((SECONDS + 60))
  # node itself, not the traffic function: $! must be the process that
  # gets the SIGTERM.
  ROLLING_READY_FILE=$data_dir/rolling.ready ROLLING_PROGRESS_FILE=$data_dir/rolling.progress \
    node tests/replicas/traffic.mjs rolling >"$data_dir/rolling.out" 2>&1 &
  client_pid=$!
  until [[ -e $data_dir/rolling.ready ]]; do
    if ! kill -0 "$client_pid" 2>/dev/null || ((SECONDS >= deadline)); then
      say "the client did not start:"
      cat "$data_dir/rolling.out" >&2
      return 1
    fi
    sleep 0.2
  done
}

# restart_replica <name>: `run.sh restart`, and the client went on meanwhile.
restart_replica() {
  local name=$1 before started=$SECONDS answers
  before=$(client_answers)
  deploy/local/run.sh restart "$name" || return 1
  answers=$(($(client_answers) - before))
  say "restarted $name in $((SECONDS - started))s; the client had $answers answers meanwhile"
  ((answers > 0)) || { say "the client made no progress while $name restarted"; return 1; }
}

rolling_restart() {
  local name status=0
  start_client || return 1
  sleep 1 # the load runs before the first restart
  for name in "${replicas[@]}"; do
    restart_replica "$name" || status=1
  done
  sleep 1 # and after the last
  kill -TERM "$client_pid"
  wait "$client_pid" || status=1
  client_pid=""
  cat "$data_dir/rolling.out" >&2
  check_status || status=1
  return "$status"
}

# --- part 3: the login limit across replicas and restarts ---------------------

# expect_statuses <what> <expected> <actual>
expect_statuses() {
  if [[ $3 == "$2" ]]; then
    say "$1: $3, as expected"
  else
    say "$1: $3, but expected $2"
    return 1
  fi
}

login_limit() {
  local email statuses expected status=0 name count
  email=replicas-limit-$(random_hex 6)@example.com
  traffic signup "$email" || return 1
  statuses=$(traffic wrong-logins "$email" $((login_limit + 1)) replicas-limit-a) || return 1
  for name in auth-service auth-service-1; do
    count=$(log_count "$name" replicas-limit-a-)
    say "$name answered $count of those $((login_limit + 1)) logins"
    ((count > 0)) || { say "the logins did not reach both auth replicas: this part proves nothing"; status=1; }
  done
  expected="$(printf '401 %.0s' $(seq "$login_limit"))429"
  expect_statuses "$login_limit wrong-password logins for one email, then one more" "$expected" "$statuses" ||
    { say "each replica counts the failures it saw by itself: the limit is LOGIN_MAX_FAILURES_PER_EMAIL" \
      "($login_limit) per replica, not for the service"; status=1; }
  for name in auth-service auth-service-1; do
    deploy/local/run.sh restart "$name" || return 1
  done
  statuses=$(traffic wrong-logins "$email" 1 replicas-limit-b) || return 1
  expect_statuses "after restarting both auth replicas, one more" 429 "$statuses" ||
    { say "the count did not survive the restarts"; status=1; }
  return "$status"
}

# --- afterwards ----------------------------------------------------------------

stop_stack() {
  [[ $stack_started -eq 1 ]] || return 0
  deploy/local/run.sh stop
  stack_started=0
}

# No error (or critical) line and no sanitizer report (a sanitizer build
# writes leaks at exit, so after the stop) in any replica's log. Warnings
# are expected: a task replica whose auth replica restarts says that the
# revocation feed is unavailable until it is back.
check_logs() {
  local pattern=' (error|critical) [a-z-]+ |ERROR: (Address|Leak|Thread)Sanitizer|runtime error:' found
  found=$(grep -HE "$pattern" "$data_dir"/logs/{auth,task}-service*.log | head -n 20 | cut -c1-400) || true
  [[ -n $found ]] || return 0
  say "errors in the replicas' logs:"
  echo "$found" >&2
  return 1
}

stop_and_check_logs() {
  stop_stack && check_logs
}

# `run.sh status` exits 3 when no part of the stack runs.
nothing_runs() {
  local status=0
  deploy/local/run.sh status >/dev/null 2>&1 || status=$?
  [[ $status -eq 3 ]]
}

# Runs on every exit (success, failure, Ctrl-C): nothing may outlive the run.
cleanup() {
  local exit_status=$?
  trap - EXIT INT TERM
  [[ -z $client_pid ]] || kill -KILL "$client_pid" 2>/dev/null || true
  stop_stack || exit_status=1
  if [[ -n $data_dir ]]; then
    if ! nothing_runs; then
      say "parts of the stack still run; stop them with:" \
        "TODO_DATA_DIR=$data_dir deploy/local/run.sh stop"
      exit_status=1
    elif [[ ${REPLICAS_KEEP_DATA:-0} == 1 || $exit_status -ne 0 ]]; then
      say "data and logs kept in $data_dir"
    else
      rm -rf "$data_dir"
    fi
  fi
  exit "$exit_status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

main() {
  local started=$SECONDS status=0 summary
  run_timed timings "start" start_stack || { say "the stack did not start"; return 1; }
  run_timed timings "spread" spread || status=1
  run_timed timings "rolling restart" rolling_restart || status=1
  run_timed timings "login limit" login_limit || status=1
  run_timed timings "stop, logs" stop_and_check_logs || status=1
  summary=$(printf '%s, ' "${timings[@]}")
  say "$((SECONDS - started))s: ${summary%, }"
  return "$status"
}

main "$@"
