#!/usr/bin/env bash
# The services behind a transaction-mode pooler (DB_POOLER=transaction:
# PgBouncer in transaction mode, Neon's pooled endpoint), where each
# transaction may run on another server connection: no named prepared
# statements, no session state, only transaction-scoped advisory locks.
# One step of tests/run.sh. Two parts, each timed:
#
#   1. migration race: a throwaway PostgreSQL and PgBouncer in transaction
#      mode (2 server connections per database); two auth-service and two
#      task-service processes started at the same moment on fresh, empty
#      databases (each pair sharing one database through PgBouncer). All four
#      must be ready (/readyz); schema_migrations must hold each migration of
#      the tree exactly once, the pair must have applied each exactly once
#      between them, and no process may log an error or a sanitizer report
#      or exit badly on SIGTERM. POOLER_RACE_ROUNDS times, fresh databases
#      each time.
#   2. DB_POOLER=transaction E2E_BROWSER=0 tests/e2e/run.sh: the end-to-end
#      suite, the mixed load (tests/e2e/load) and the stop/start persistence
#      check, with deploy/local/run.sh's PgBouncer between the services and
#      their databases.
#
# Usage: tests/pooler/run.sh
#   BUILD_DIR=build/dev    the build tree with both executables     [build/release];
#                          brought up to date first unless SKIP_BUILD=1
#   SKIP_BUILD=1           use its executables as they are
#   POOLER_RACE_ROUNDS=N   rounds of the migration race               [2]
#   POOLER_KEEP_DATA=1     keep both parts' data directories (logs) afterwards
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../../scripts/lib.sh"
cd "$(dirname "$0")/../.."
repo=$(pwd)
readonly repo

readonly rounds=${POOLER_RACE_ROUNDS:-2}
readonly ready_seconds=90
work_dir=""    # the race's temp dir; empty until created
e2e_dir=""     # where the end-to-end part keeps its data directory
build_dir=""
pg_port=""
pgbouncer_port=""
pids=()        # the race's service processes that may still run
race_env=()    # NAME=value settings of every race process
timings=()

say() { echo "pooler: $*" >&2; }

# --- the executables ---------------------------------------------------------

# Both parts test the same executables: brought up to date here (unless
# SKIP_BUILD=1), then used as they are by the end-to-end part.
prepare_build() {
  build_dir=${BUILD_DIR:-build/release}
  [[ $build_dir == /* ]] || build_dir=$repo/$build_dir
  if [[ ${SKIP_BUILD:-0} != 1 ]]; then
    [[ -f $build_dir/CMakeCache.txt ]] ||
      { say "no build tree in $build_dir (cmake --preset release, or set BUILD_DIR)"; return 1; }
    say "building auth-service and task-service in $build_dir"
    cmake --build "$build_dir" -j"$(nproc)" --target auth-service task-service >&2
  fi
  local binary
  for binary in auth-service/auth-service task-service/task-service; do
    [[ -x $build_dir/$binary ]] || { say "no $build_dir/$binary"; return 1; }
  done
}

# --- part 1: the migration race ----------------------------------------------

# The functions of this part return their failures themselves: run_timed
# runs them where errexit does not apply.
start_race_servers() {
  work_dir=$(mktemp -d "${TMPDIR:-/tmp}/todo-pooler.XXXXXX") || return 1
  # As root PostgreSQL and PgBouncer run as postgres, which must get in here.
  chmod 755 "$work_dir" && mkdir -p "$work_dir/logs" || return 1
  pg_port=$(start_throwaway_postgres "$work_dir/pg") || return 1
  pgbouncer_port=$(start_throwaway_pgbouncer "$work_dir/pgbouncer" "$pg_port") || return 1
  say "PostgreSQL on 127.0.0.1:$pg_port, PgBouncer (transaction mode, 2 server connections" \
    "per database) on 127.0.0.1:$pgbouncer_port"
}

# psql_direct <database> <sql>: on PostgreSQL itself, not through PgBouncer.
psql_direct() {
  "$(pg_bin)/psql" -X -q -At -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$pg_port" -U postgres -d "$1" -c "$2"
}

# start_replica <log name> <binary> <database> <PORT variable> [NAME=value...]:
# waits for the starting gun ($work_dir/go) and then becomes the service,
# so all four begin within milliseconds of each other.
start_replica() {
  local name=$1 binary=$2 database=$3 port_variable=$4 port
  shift 4
  port=$(free_port) && echo "$port" >"$work_dir/$name.port" || return 1
  (
    unset JWT_SECRET_FILE SERVICE_JWT_SECRET_FILE
    export DATABASE_URL="postgresql://postgres@127.0.0.1:$pgbouncer_port/$database"
    # shellcheck disable=SC2163  # exports the NAME=value words themselves
    export "${race_env[@]}" "$port_variable=$port" "$@"
    while [[ ! -e $work_dir/go ]]; do sleep 0.01; done
    exec "$build_dir/$binary" >"$work_dir/logs/$name.log" 2>&1
  ) &
  pids+=($!)
}

# wait_ready <name> <pid>: /readyz answers 200, or the process died, or time ran out.
wait_ready() {
  local name=$1 pid=$2 port deadline=$((SECONDS + ready_seconds))
  port=$(<"$work_dir/$name.port")
  until [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$port/readyz") == 200 ]]; do
    if ! kill -0 "$pid" 2>/dev/null; then
      say "$name exited before it was ready; the end of its log:"
      tail -n 20 "$work_dir/logs/$name.log" >&2
      return 1
    fi
    if ((SECONDS >= deadline)); then
      say "$name was not ready within ${ready_seconds}s; the end of its log:"
      tail -n 20 "$work_dir/logs/$name.log" >&2
      return 1
    fi
    sleep 0.2
  done
}

# stop_replicas: SIGTERM to each, and each must exit 0 within its grace.
stop_replicas() {
  local pid failed=0 status
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do
    status=0
    wait "$pid" || status=$?
    if [[ $status -ne 0 ]]; then
      say "a service (pid $pid) exited with status $status on SIGTERM"
      failed=1
    fi
  done
  pids=()
  return "$failed"
}

# check_migrations <database> <service> <log>...: each of the tree's
# migrations recorded exactly once, and applied exactly once between the
# processes that shared the database.
check_migrations() {
  local database=$1 service=$2 expected recorded twice applied=0 log count
  shift 2
  expected=$(find "$repo/$service/migrations" -name '*.sql' -printf '%f\n' | sed 's/\.sql$//' | sort)
  recorded=$(psql_direct "$database" 'SELECT version FROM schema_migrations ORDER BY version')
  twice=$(psql_direct "$database" \
    'SELECT version FROM schema_migrations GROUP BY version HAVING count(*) <> 1')
  if [[ -n $twice || $recorded != "$expected" ]]; then
    say "$database: schema_migrations holds" "$(tr '\n' ' ' <<<"$recorded")," \
      "the tree has" "$(tr '\n' ' ' <<<"$expected")"
    return 1
  fi
  for log in "$@"; do
    count=$(grep -c '"msg":"database migrations done"' "$log" || true)
    [[ $count -eq 1 ]] || { say "$log: 'database migrations done' logged $count times"; return 1; }
    applied=$((applied + $(grep '"msg":"database migrations done"' "$log" |
      sed -n 's/.*"applied":\([0-9]*\).*/\1/p')))
  done
  count=$(wc -l <<<"$expected")
  [[ $applied -eq $count ]] ||
    { say "$database: the replicas applied $applied migrations between them, not $count"; return 1; }
}

# check_logs <log>...: no error (or critical) line, in JSON or text
# format, and no sanitizer report in any of them. Behind the pooler a lost
# statement in a background job (the revocation feed, pruning, user
# deletions) shows only here, never as an HTTP answer.
check_logs() {
  local log failed=0
  local pattern='"level":"(error|critical)"|^[^ ]+ (error|critical) [a-z-]+ |ERROR: (Address|Leak|Thread)Sanitizer|runtime error:'
  for log in "$@"; do
    grep -qE "$pattern" "$log" || continue
    say "errors in $log:"
    grep -E "$pattern" "$log" | head -n 10 | cut -c1-400 >&2
    failed=1
  done
  return "$failed"
}

# start_round <n>: fresh databases race_auth_<n> and race_tasks_<n>, the
# four processes waiting for the starting gun, and the gun.
start_round() {
  local n=$1 auth_db=race_auth_$1 task_db=race_tasks_$1
  psql_direct postgres "CREATE DATABASE $auth_db" && psql_direct postgres "CREATE DATABASE $task_db" &&
    rm -f "$work_dir/go" || return 1
  start_replica "auth-a-$n" auth-service/auth-service "$auth_db" AUTH_PORT &&
    start_replica "auth-b-$n" auth-service/auth-service "$auth_db" AUTH_PORT || return 1
  # Each task-service follows the revocation feed of one auth-service.
  start_replica "task-a-$n" task-service/task-service "$task_db" TASK_PORT \
    AUTH_INTERNAL_URL="http://127.0.0.1:$(<"$work_dir/auth-a-$n.port")" &&
    start_replica "task-b-$n" task-service/task-service "$task_db" TASK_PORT \
      AUTH_INTERNAL_URL="http://127.0.0.1:$(<"$work_dir/auth-b-$n.port")" &&
    touch "$work_dir/go" || return 1
}

# race_round <n>: one race; its logs in logs/*-<n>.log.
race_round() {
  local n=$1 status=0 names=("auth-a-$1" "auth-b-$1" "task-a-$1" "task-b-$1") i
  start_round "$n" || { stop_replicas; return 1; }
  for i in "${!names[@]}"; do
    wait_ready "${names[$i]}" "${pids[$i]}" || status=1
  done
  stop_replicas || status=1
  check_migrations "race_auth_$n" auth-service "$work_dir/logs/auth-"{a,b}"-$n.log" || status=1
  check_migrations "race_tasks_$n" task-service "$work_dir/logs/task-"{a,b}"-$n.log" || status=1
  return "$status"
}

migration_race() {
  local jwt_secret service_secret n status=0
  start_race_servers || { stop_race_servers; return 1; }
  # Both keys the same in all four processes (32 random bytes each, never
  # equal), as in production. Logs in JSON, one object a line, so levels
  # and fields are read exactly.
  jwt_secret=$(random_hex 32) && service_secret=$(random_hex 32) || return 1
  race_env=("JWT_SECRET=$jwt_secret" "SERVICE_JWT_SECRET=$service_secret" DB_POOLER=transaction
    LOG_FORMAT=json BIND_ADDRESS=127.0.0.1)
  for ((n = 1; n <= rounds; n++)); do
    say "migration race $n/$rounds: 2 auth-service + 2 task-service on fresh databases at once"
    race_round "$n" || status=1
  done
  check_logs "$work_dir"/logs/*.log || status=1
  stop_race_servers
  return "$status"
}

stop_race_servers() {
  [[ -n $work_dir ]] || return 0
  stop_throwaway_pgbouncer "$work_dir/pgbouncer"
  stop_throwaway_postgres "$work_dir/pg"
  if [[ ${POOLER_KEEP_DATA:-0} == 1 ]]; then
    say "logs kept in $work_dir/logs"
  else
    rm -rf "$work_dir"
  fi
  work_dir=""
}

# --- part 2: the end-to-end suite through PgBouncer ---------------------------

# The run's data directory is kept (in a temp dir of ours) so that the
# services' logs can be read afterwards: no error line in either.
e2e_through_pooler() {
  local status=0
  e2e_dir=$(mktemp -d "${TMPDIR:-/tmp}/todo-pooler-e2e.XXXXXX") || return 1
  # PostgreSQL (postgres) and nginx's workers (nobody) work in there.
  chmod 755 "$e2e_dir" || return 1
  TMPDIR=$e2e_dir E2E_KEEP_DATA=1 DB_POOLER=transaction E2E_BROWSER=0 SKIP_BUILD=1 \
    BUILD_DIR=$build_dir tests/e2e/run.sh || status=1
  check_logs "$e2e_dir"/todo-e2e.*/logs/{auth-service,task-service}.log || status=1
  remove_e2e_dir || status=1
  return "$status"
}

# Kept with POOLER_KEEP_DATA=1, or when a stack in it still runs (tests/e2e
# said how to stop it): removing it would pull the files from under it.
remove_e2e_dir() {
  [[ -n $e2e_dir ]] || return 0
  local data status
  for data in "$e2e_dir"/todo-e2e.*; do
    [[ -d $data ]] || continue
    status=0
    TODO_DATA_DIR=$data deploy/local/run.sh status >/dev/null 2>&1 || status=$?
    if [[ $status -ne 3 ]]; then
      say "a stack in $data still runs; kept"
      e2e_dir=""
      return 1
    fi
  done
  if [[ ${POOLER_KEEP_DATA:-0} == 1 ]]; then
    say "the end-to-end run's data kept in $e2e_dir"
  else
    rm -rf "$e2e_dir"
  fi
  e2e_dir=""
}

# --- plumbing ----------------------------------------------------------------

# Runs on every exit (success, failure, Ctrl-C): nothing may outlive the run.
cleanup() {
  local exit_status=$?
  trap - EXIT INT TERM
  local pid
  for pid in "${pids[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
  stop_race_servers
  remove_e2e_dir || exit_status=1
  exit "$exit_status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

main() {
  local started=$SECONDS status=0
  prepare_build
  run_timed timings "migration race" migration_race || status=1
  run_timed timings "e2e through PgBouncer" e2e_through_pooler || status=1
  local summary
  summary=$(printf '%s, ' "${timings[@]}")
  say "$((SECONDS - started))s: ${summary%, }"
  return "$status"
}

main "$@"
