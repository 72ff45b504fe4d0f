#!/usr/bin/env bash
# DB_POOLER benchmark (prints numbers; not a pass/fail test): what a
# transaction-mode pooler costs task-service. One throwaway PostgreSQL, one
# seeded database, task-service (release) started three ways in one run:
#   direct         DATABASE_URL at PostgreSQL, DB_POOLER=none: named statements,
#                  parsed and planned once per connection (the default)
#   direct, tx     DATABASE_URL at PostgreSQL, DB_POOLER=transaction: every
#                  statement unnamed and planned on each execution, no pooler:
#                  the cost of the mode alone
#   pgbouncer, tx  DATABASE_URL at PgBouncer 1.18 (pool_mode=transaction,
#                  default_pool_size = DB_POOL_SIZE), DB_POOLER=transaction:
#                  what a user behind a pooler gets on this machine
# For each: GET /api/tasks (1,000 users × 20 tasks) and POST /api/tasks with
# wrk at 64 connections, and GET at 1 connection (latency). The three runs
# go A, B, C, then A again, so drift on a shared machine shows.
#
#   tests/bench/task/pooler.sh [path/to/task-service]
#
# Without a path it builds the `release` preset. Environment: BENCH_SECONDS
# (10), HTTP_THREADS (4), DB_POOL_SIZE (4). About 3 minutes after the build.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../../../scripts/lib.sh"
# shellcheck source=tests/bench/task/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$(dirname "$0")/../../.."

pg_bin=$(pg_bin)
readonly pg_bin
readonly seconds=${BENCH_SECONDS:-10}
readonly http_threads=${HTTP_THREADS:-4}
readonly pool_size=${DB_POOL_SIZE:-4}
secret=$(random_hex 32)
SERVICE_JWT_SECRET=$(random_hex 32)
readonly secret
export SERVICE_JWT_SECRET
readonly users=1000 tasks_per_user=20

work=$(mktemp -d "${TMPDIR:-/tmp}/pooler-bench.XXXXXX")
pids=()
service_pid=""
service_port=""
say() { echo "bench: $*" >&2; }

cleanup() {
  local pid
  for pid in "${pids[@]}" $service_pid; do
    if kill "$pid" 2>/dev/null; then wait "$pid" 2>/dev/null || true; fi
  done
  stop_throwaway_pgbouncer "$work/pgbouncer"
  stop_throwaway_postgres "$work"
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

binary=$(task_service_binary "${1:-}")
auth_binary=$(dirname "$binary")/../auth-service/auth-service
[[ -x $binary && -x $auth_binary ]] || { say "no executables at $binary and beside it"; exit 1; }

# --- PostgreSQL and PgBouncer ------------------------------------------------
pg_port=$(start_throwaway_postgres "$work" 'max_connections = 200' 'shared_buffers = 256MB')
psql_as() { "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -v ON_ERROR_STOP=1 -qAt "$@"; }
psql_as -d postgres -c "CREATE DATABASE bench" -c "CREATE DATABASE auth"
# As many server connections as the service's pool: the pooler adds a hop,
# not a bottleneck.
pgbouncer_port=$(start_throwaway_pgbouncer "$work/pgbouncer" "$pg_port" \
  "default_pool_size = $pool_size")
direct_url=postgresql://postgres@127.0.0.1:$pg_port/bench
pooled_url=postgresql://postgres@127.0.0.1:$pgbouncer_port/bench

# The revocation feed task-service follows (and needs before it is ready).
auth_port=$(free_port)
DATABASE_URL=postgresql://postgres@127.0.0.1:$pg_port/auth JWT_SECRET=$secret \
  AUTH_PORT=$auth_port LOG_LEVEL=warn "$auth_binary" >"$work/auth-service.log" 2>&1 &
pids+=($!)
wait_for_url "http://127.0.0.1:$auth_port/readyz" 30 ||
  { say "auth-service did not start"; cat "$work/auth-service.log" >&2; exit 1; }

DATABASE_URL=$direct_url JWT_SECRET=$secret "$binary" --migrate-only >"$work/migrate.log" 2>&1
say "seeding $users users × $tasks_per_user tasks"
seed bench 1 "$users" "$tasks_per_user"
mint_tokens 1 "$users" >"$work/tokens.lua"
# POSTs go to other users, so every GET run lists 20-task users, however
# many tasks the runs before it created.
mint_tokens $((users + 1)) $((2 * users)) >"$work/tokens-post.lua"

start_service() {  # <label> <database url> <DB_POOLER>
  service_port=$(free_port)
  DATABASE_URL=$2 DB_POOLER=$3 JWT_SECRET=$secret TASK_PORT=$service_port \
    HTTP_THREADS=$http_threads DB_POOL_SIZE=$pool_size LOG_LEVEL=warn \
    AUTH_INTERNAL_URL="http://127.0.0.1:$auth_port" \
    "$binary" >>"$work/service-$1.log" 2>&1 &
  service_pid=$!
  wait_for_url "http://127.0.0.1:$service_port/readyz" 10 ||
    { say "task-service ($1) did not start"; cat "$work/service-$1.log" >&2; exit 1; }
}
stop_service() { kill "$service_pid"; wait "$service_pid" || true; service_pid=""; }

readonly post_body='{"title":"benchmark task","priority":"high","tags":["bench","wrk"]}'
# measure <label> <database url> <DB_POOLER>: one report line.
measure() {
  local list post single
  start_service "$1" "$2" "$3"
  run_wrk warm GET "" 64 2 >/dev/null
  say "$1: GET at 64 connections, POST at 64, GET at 1 (${seconds}s each)"
  list=$(run_wrk list GET "" 64 "$seconds")
  post=$(run_wrk create POST "$post_body" 64 "$seconds" "$work/tokens-post.lua")
  single=$(run_wrk single GET "" 1 "$seconds")
  stop_service
  printf '  %-14s GET 64: %s\n  %-14s POST 64: %s\n  %-14s GET 1: %s\n' \
    "$1" "$list" "" "$post" "" "$single"
}

report=$(
  measure "direct" "$direct_url" none
  measure "direct, tx" "$direct_url" transaction
  measure "pgbouncer, tx" "$pooled_url" transaction
  measure "direct again" "$direct_url" none
)
errors=$(cat "$work"/service-*.log | grep -c '"level":"error"' || true)

cat <<REPORT

DB_POOLER benchmark ($(nproc) cores; HTTP_THREADS=$http_threads DB_POOL_SIZE=$pool_size,
PgBouncer default_pool_size=$pool_size; ${seconds}s runs; $users users × $tasks_per_user tasks)
$report
  error lines in the services' logs: $errors
REPORT
