#!/usr/bin/env bash
# task-service benchmark (prints numbers; not a pass/fail test).
#
#   tests/bench/task/run.sh [path/to/task-service]
#
# Without a path it builds the `release` preset's task-service. It starts a
# private throwaway PostgreSQL 15 (like tests/run.sh), then measures:
#   1. GET /api/tasks (1,000 users × 20 tasks, default listing) and
#      POST /api/tasks with wrk, 64 connections, a Lua script rotating
#      through the 1,000 users' tokens: requests/s, p50, p99;
#   2. in the same run, pgbench running the listing's SELECT against the same
#      PostgreSQL: the ceiling a one-query-per-request service can reach;
#      and the service/pgbench ratio;
#   3. the listing's latency (one connection) with 100 tasks in the table,
#      then with 1,000,000 (bulk-loaded with generate_series).
# task-service follows the revocation feed of a release auth-service started
# beside it (empty: nothing is revoked here; tests/bench/task/revocation.sh
# measures a full set). Environment: BENCH_SECONDS (15), HTTP_THREADS (4),
# DB_POOL_SIZE (4), PGBENCH_CLIENTS (16). Takes about 5 minutes after the build.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../../../scripts/lib.sh"
# shellcheck source=tests/bench/task/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$(dirname "$0")/../../.."

pg_bin=$(pg_bin)
readonly pg_bin
readonly seconds=${BENCH_SECONDS:-15}
readonly http_threads=${HTTP_THREADS:-4}
readonly pool_size=${DB_POOL_SIZE:-4}
readonly pgbench_clients=${PGBENCH_CLIENTS:-16}
readonly secret="benchmark-secret-0123456789abcdef0123456789"
SERVICE_JWT_SECRET=$(random_hex 32)
export SERVICE_JWT_SECRET
readonly users=1000 tasks_per_user=20

work=$(mktemp -d "${TMPDIR:-/tmp}/task-bench.XXXXXX")
service_pid=""
auth_pid=""
say() { echo "bench: $*" >&2; }

cleanup() {
  [[ -n $service_pid ]] && kill "$service_pid" 2>/dev/null && wait "$service_pid" 2>/dev/null || true
  [[ -n $auth_pid ]] && kill "$auth_pid" 2>/dev/null && wait "$auth_pid" 2>/dev/null || true
  stop_throwaway_postgres "$work"
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

binary=$(task_service_binary "${1:-}")
auth_binary=$(dirname "$binary")/../auth-service/auth-service
[[ -x $binary && -x $auth_binary ]] || { say "no executables at $binary and beside it"; exit 1; }

# --- PostgreSQL --------------------------------------------------------------
pg_port=$(start_throwaway_postgres "$work" 'max_connections = 200' 'shared_buffers = 256MB')
psql_as() { "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -v ON_ERROR_STOP=1 -qAt "$@"; }
psql_as -d postgres -c "CREATE DATABASE bench" -c "CREATE DATABASE scale" -c "CREATE DATABASE auth"
url() { echo "postgresql://postgres@127.0.0.1:$pg_port/$1"; }

# The revocation feed task-service follows (and needs before it is ready).
auth_port=$(free_port)
DATABASE_URL=$(url auth) JWT_SECRET=$secret AUTH_PORT=$auth_port LOG_LEVEL=warn \
  "$auth_binary" >"$work/auth-service.log" 2>&1 &
auth_pid=$!
wait_for_url "http://127.0.0.1:$auth_port/readyz" 30 ||
  { say "auth-service did not start"; cat "$work/auth-service.log" >&2; exit 1; }

start_service() {  # <database>
  local port
  port=$(free_port)
  DATABASE_URL=$(url "$1") JWT_SECRET=$secret TASK_PORT=$port HTTP_THREADS=$http_threads \
    DB_POOL_SIZE=$pool_size LOG_LEVEL=warn AUTH_INTERNAL_URL="http://127.0.0.1:$auth_port" \
    "$binary" >"$work/service-$1.log" 2>&1 &
  service_pid=$!
  wait_for_url "http://127.0.0.1:$port/readyz" 10 ||
    { say "task-service did not start"; cat "$work/service-$1.log" >&2; exit 1; }
  service_port=$port
}
stop_service() { kill "$service_pid"; wait "$service_pid" || true; service_pid=""; }

# --- 1 and 2: throughput, service beside pgbench ------------------------------
DATABASE_URL=$(url bench) JWT_SECRET=$secret "$binary" --migrate-only >"$work/migrate.log" 2>&1
DATABASE_URL=$(url scale) JWT_SECRET=$secret "$binary" --migrate-only >>"$work/migrate.log" 2>&1
say "seeding $users users × $tasks_per_user tasks"
seed bench 1 "$users" "$tasks_per_user"

say "minting $users tokens"
mint_tokens 1 "$users" >"$work/tokens.lua"
mint_tokens 1 5 >"$work/tokens-scale.lua"

# The listing's SELECT, as SociTaskRepository sends it with no filters.
cat >"$work/list.sql" <<'SQL'
\set u random(1, 1000)
SELECT id, title, description, completed::int, priority, array_to_json(tags)::text,
       (extract(epoch FROM due_date) * 1000000)::int8, (extract(epoch FROM created_at) * 1000000)::int8,
       (extract(epoch FROM updated_at) * 1000000)::int8, count(*) OVER ()
FROM tasks
WHERE user_id = CAST(md5('user' || :u) AS uuid)
  AND (CAST(NULL AS boolean) IS NULL OR completed = CAST(NULL AS boolean))
  AND (CAST(NULL AS text) IS NULL OR priority = CAST(NULL AS text))
  AND (CAST(NULL AS text) IS NULL OR tags @> ARRAY[CAST(NULL AS text)])
  AND (CAST(NULL AS text) IS NULL OR title ILIKE CAST(NULL AS text) OR description ILIKE CAST(NULL AS text))
  AND (CAST(NULL AS int8) IS NULL OR due_date <= timestamptz 'epoch' + CAST(NULL AS int8) * interval '1 microsecond')
  AND (CAST(NULL AS int8) IS NULL OR due_date >= timestamptz 'epoch' + CAST(NULL AS int8) * interval '1 microsecond')
ORDER BY created_at DESC, id DESC LIMIT 50 OFFSET 0;
SQL

start_service bench
say "warming up"
run_wrk warm GET "" 64 3 >/dev/null
say "GET /api/tasks: wrk, 64 connections, ${seconds}s"
list=$(run_wrk list GET "" 64 "$seconds")
say "pgbench: the same SELECT, $pgbench_clients clients, ${seconds}s"
pgbench_out=$("$pg_bin/pgbench" -h 127.0.0.1 -p "$pg_port" -U postgres -n -M prepared \
  -c "$pgbench_clients" -j 2 -T "$seconds" -f "$work/list.sql" bench 2>&1)
pg_tps=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' <<<"$pgbench_out" | head -1)
pg_latency=$(sed -n 's/^latency average = \([0-9.]*\) ms/\1/p' <<<"$pgbench_out")
say "POST /api/tasks: wrk, 64 connections, ${seconds}s"
post=$(run_wrk create POST '{"title":"benchmark task","priority":"high","tags":["bench","wrk"],"due_date":"2026-12-01"}' 64 "$seconds")
stop_service

# --- 3: latency against table size ------------------------------------------
start_service scale
seed scale 1 5 20  # both runs list users 1..5 (20 tasks each)
run_wrk warm GET "" 1 2 "$work/tokens-scale.lua" >/dev/null
say "list latency, 1 connection, 100 tasks in the table"
small=$(run_wrk small GET "" 1 5 "$work/tokens-scale.lua")
stop_service
say "bulk-loading 999,900 more tasks (49,995 other users × 20)"
seed scale 6 50000 20
rows=$(psql_as -d scale -c "SELECT count(*) FROM tasks")
start_service scale
run_wrk warm GET "" 1 2 "$work/tokens-scale.lua" >/dev/null
say "list latency, 1 connection, $rows tasks in the table"
large=$(run_wrk large GET "" 1 5 "$work/tokens-scale.lua")
stop_service

ratio=$(awk -v a="$(field rps "$list")" -v b="$pg_tps" 'BEGIN { printf "%.2f", a / b }')
cat <<REPORT

task-service benchmark ($(nproc) cores; HTTP_THREADS=$http_threads DB_POOL_SIZE=$pool_size; ${seconds}s runs)
  GET  /api/tasks (20 tasks/user, $users users, 64 conns): $list
  POST /api/tasks (64 conns):                               $post
  pgbench, same SELECT ($pgbench_clients clients, prepared): tps=$pg_tps latency_avg_ms=$pg_latency
  service GET rps / pgbench tps = $ratio
  list latency, 1 conn, 100 rows in table:       $small
  list latency, 1 conn, $rows rows in table: $large
REPORT
