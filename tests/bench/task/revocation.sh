#!/usr/bin/env bash
# Revocation benchmark (prints numbers; not a pass/fail test). Real
# auth-service and task-service (release builds) on a throwaway PostgreSQL:
#   1. GET /api/tasks throughput (wrk, 64 connections) with an empty
#      revocation set, then with 100,000 revoked jtis in task-service's set
#      (written to auth-service's log as one would be by 100,000 logouts, and
#      followed over the feed), then empty again after a restart: A, B, A,
#      so drift on a shared machine shows; the goal is B within 5 % of A;
#   2. propagation latency over 1,000 logouts: from POST /auth/logout's 204
#      to task-service's first 401 for that token (p50, p99, max); the
#      contract's bound is 2 s.
#
#   tests/bench/task/revocation.sh [auth-service task-service]
#
# Without paths it builds the `release` preset. Environment: BENCH_SECONDS
# (10), HTTP_THREADS (4), LOGOUTS (1000). Takes about 3 minutes after the build.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../../../scripts/lib.sh"
cd "$(dirname "$0")/../../.."

pg_bin=$(pg_bin)
readonly pg_bin
readonly seconds=${BENCH_SECONDS:-10}
readonly http_threads=${HTTP_THREADS:-4}
readonly logouts=${LOGOUTS:-1000}
readonly revoked=100000
jwt_secret=$(random_hex 32)
service_secret=$(random_hex 32)
readonly jwt_secret service_secret

work=$(mktemp -d "${TMPDIR:-/tmp}/revocation-bench.XXXXXX")
pids=()
say() { echo "bench: $*" >&2; }

cleanup() {
  local pid
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true; done
  stop_throwaway_postgres "$work"
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

auth_binary=${1:-}
task_binary=${2:-}
if [[ -z $auth_binary || -z $task_binary ]]; then
  say "building the release preset's services"
  cmake --preset release >/dev/null
  cmake --build --preset release --target auth-service task-service -j2 >/dev/null
  auth_binary=build/release/auth-service/auth-service
  task_binary=build/release/task-service/task-service
fi

pg_port=$(start_throwaway_postgres "$work" 'max_connections = 100')
psql_as() { "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -v ON_ERROR_STOP=1 -qAt "$@"; }
psql_as -d postgres -c "CREATE DATABASE auth" -c "CREATE DATABASE tasks"
url() { echo "postgresql://postgres@127.0.0.1:$pg_port/$1"; }

auth_port=$(free_port)
task_port=$(free_port)
export JWT_SECRET=$jwt_secret SERVICE_JWT_SECRET=$service_secret HTTP_THREADS=$http_threads \
  LOG_LEVEL=warn BCRYPT_COST=10
DATABASE_URL=$(url auth) AUTH_PORT=$auth_port "$auth_binary" >"$work/auth.log" 2>&1 &
pids+=($!)
wait_for_url "http://127.0.0.1:$auth_port/readyz" 30 || { cat "$work/auth.log" >&2; exit 1; }
DATABASE_URL=$(url tasks) TASK_PORT=$task_port AUTH_INTERNAL_URL="http://127.0.0.1:$auth_port" \
  "$task_binary" >"$work/task.log" 2>&1 &
pids+=($!)
wait_for_url "http://127.0.0.1:$task_port/readyz" 30 || { cat "$work/task.log" >&2; exit 1; }

# One user with 20 tasks; its token for wrk.
auth() { curl -sf "http://127.0.0.1:$auth_port$1" "${@:2}"; }
auth /auth/signup -H 'Content-Type: application/json' \
  -d '{"email":"bench@example.com","password":"correct horse"}' >/dev/null
token=$(auth /auth/login -H 'Content-Type: application/json' \
  -d '{"email":"bench@example.com","password":"correct horse"}' |
  python3 -c 'import json, sys; print(json.load(sys.stdin)["access_token"])')
for i in $(seq 1 20); do
  curl -sf "http://127.0.0.1:$task_port/api/tasks" -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/json' -d "{\"title\":\"task $i\"}" >/dev/null
done

cat >"$work/list.lua" <<LUA
wrk.headers["Authorization"] = "Bearer $token"
done = function(summary, latency, requests)
  io.write(string.format("RESULT rps=%.0f p50_ms=%.2f p99_ms=%.2f errors=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, summary.errors.status + summary.errors.connect +
    summary.errors.read + summary.errors.write + summary.errors.timeout))
end
LUA
run_wrk() {
  wrk -t2 -c64 -d"$1"s -s "$work/list.lua" "http://127.0.0.1:$task_port/api/tasks" 2>&1 |
    sed -n 's/^RESULT //p'
}
field() { sed -n "s/.*$1=\([0-9.]*\).*/\1/p" <<<"$2"; }
set_size() {
  curl -sf "http://127.0.0.1:$task_port/metrics" |
    sed -n 's/^revocation_set_tokens{[^}]*} \([0-9.e+]*\).*/\1/p' | head -1
}

say "warming up"
run_wrk 3 >/dev/null
say "A: empty revocation set, ${seconds}s"
a1=$(run_wrk "$seconds")

say "revoking $revoked tokens (other users', expiring in an hour) through auth-service's log"
psql_as -d auth <<SQL
BEGIN;
SELECT pg_advisory_xact_lock(1919252079);
INSERT INTO revoked_tokens (jti, user_id, expires_at)
SELECT md5('bench' || i), md5('user' || i)::uuid, extract(epoch FROM now())::bigint + 3600
FROM generate_series(1, $revoked) AS i;
INSERT INTO revocation_events (type, user_id, jti, expires_at)
SELECT 'token', md5('user' || i)::uuid, md5('bench' || i), extract(epoch FROM now())::bigint + 3600
FROM generate_series(1, $revoked) AS i ORDER BY i;
COMMIT;
SQL
started=$SECONDS
until [[ $(set_size) =~ ^[0-9.e+]+$ ]] && awk -v n="$(set_size)" -v want=$revoked 'BEGIN { exit !(n + 0 >= want) }'; do
  ((SECONDS - started < 120)) || { say "task-service never held $revoked revocations"; exit 1; }
  sleep 0.2
done
say "task-service holds $(set_size) revoked jtis after $((SECONDS - started))s"

say "B: $revoked revoked jtis, ${seconds}s"
b1=$(run_wrk "$seconds")
# Empty again: without the revocations, a restarted task-service's snapshot
# holds none.
psql_as -d auth -c "DELETE FROM revoked_tokens"
kill "${pids[1]}"; wait "${pids[1]}" 2>/dev/null || true
DATABASE_URL=$(url tasks) TASK_PORT=$task_port AUTH_INTERNAL_URL="http://127.0.0.1:$auth_port" \
  "$task_binary" >>"$work/task.log" 2>&1 &
pids[1]=$!
wait_for_url "http://127.0.0.1:$task_port/readyz" 30 || { cat "$work/task.log" >&2; exit 1; }
run_wrk 3 >/dev/null
say "A: empty revocation set again ($(set_size) jtis), ${seconds}s"
a2=$(run_wrk "$seconds")

say "propagation: $logouts logouts, each timed until task-service refuses the token"
propagation=$(node tests/bench/task/propagation.mjs "http://127.0.0.1:$auth_port" \
  "http://127.0.0.1:$task_port" "$logouts")

a=$(awk -v x="$(field rps "$a1")" -v y="$(field rps "$a2")" 'BEGIN { printf "%.0f", (x + y) / 2 }')
b=$(field rps "$b1")
change=$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%+.1f", (b - a) * 100 / a }')
cat <<REPORT

revocation benchmark ($(nproc) cores; HTTP_THREADS=$http_threads; wrk 64 connections, ${seconds}s runs)
  GET /api/tasks, empty set (before):        $a1
  GET /api/tasks, $revoked revoked jtis:    $b1
  GET /api/tasks, empty set (after restart): $a2
  B vs mean of A: ${change} % (goal: within ±5 %)
  propagation over $logouts logouts (logout 204 → task-service 401): $propagation
REPORT
