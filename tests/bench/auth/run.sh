#!/usr/bin/env bash
# auth-service benchmark: prints numbers, asserts nothing.
#   1. logins per second at BCRYPT_COST=12, beside this machine's bcrypt limit
#      (cores ÷ one bcrypt check's time, measured in the same run);
#   2. GET /auth/verify requests per second and p99 latency (wrk);
#   3. what one failed login costs (median of 15, one at a time) for a known
#      email, a known email whose hash was made at cost 10, and an unknown
#      email, side by side; then the cost-10 account again after one
#      successful login re-hashed it at cost 12.
#
# Usage: tests/bench/auth/run.sh [path/to/auth-service [path/to/auth_bcrypt_check_time]]
#   Without paths it builds the `release` preset's targets.
#   BENCH_SECONDS (default 15) sets each wrk run's duration.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../../../scripts/lib.sh"
cd "$(dirname "$0")/../../.."

readonly seconds=${BENCH_SECONDS:-15}
readonly cores=$(nproc)
readonly secret="bench-secret-0123456789abcdef-0123456789"

say() { echo "bench: $*" >&2; }

if [[ $# -ge 1 ]]; then
  service_bin=$1
  timing_bin=${2:-$(dirname "$1")/../tests/auth/auth_bcrypt_check_time}
else
  deploy/local/install-deps.sh
  cmake --preset release >/dev/null
  cmake --build --preset release -j"$cores" --target auth-service auth_bcrypt_check_time
  service_bin=build/release/auth-service/auth-service
  timing_bin=build/release/tests/auth/auth_bcrypt_check_time
fi

pg_dir="" service_pid=""
cleanup() {
  [[ -z $service_pid ]] || { kill "$service_pid" 2>/dev/null || true; wait "$service_pid" 2>/dev/null || true; }
  if [[ -n $pg_dir ]]; then
    stop_throwaway_postgres "$pg_dir"
    rm -rf "$pg_dir"
  fi
}
trap cleanup EXIT

# A private throwaway PostgreSQL, as tests/run.sh starts one.
pg_dir=$(mktemp -d "${TMPDIR:-/tmp}/auth-bench-pg.XXXXXX")
pg_port=$(start_throwaway_postgres "$pg_dir")

port=$(free_port)
env -i PATH="$PATH" DATABASE_URL="postgresql://postgres@127.0.0.1:$pg_port/postgres" \
  JWT_SECRET="$secret" SERVICE_JWT_SECRET="$(random_hex 32)" AUTH_PORT="$port" \
  BCRYPT_COST=12 LOG_LEVEL=warn \
  LOGIN_MAX_FAILURES_PER_CLIENT=1000000 LOGIN_MAX_FAILURES_PER_EMAIL=1000000 \
  SIGNUP_MAX_PER_CLIENT=1000000 HASH_QUEUE_LIMIT=1000 \
  "$service_bin" >"$pg_dir/service.log" 2>&1 &
service_pid=$!
wait_for_url "http://127.0.0.1:$port/healthz" 20 ||
  { say "auth-service did not start"; cat "$pg_dir/service.log" >&2; exit 1; }

base="http://127.0.0.1:$port"
curl -fs -o /dev/null -X POST "$base/auth/signup" -H 'Content-Type: application/json' \
  -d '{"email":"bench@example.com","password":"benchmark password"}'
token=$(curl -fs -X POST "$base/auth/login" -H 'Content-Type: application/json' \
  -d '{"email":"bench@example.com","password":"benchmark password"}' |
  /usr/bin/python3 -c 'import json, sys; print(json.load(sys.stdin)["access_token"])')

say "measuring one bcrypt check at cost 12"
check_ms=$("$timing_bin" 12 8)
limit=$(awk -v c="$cores" -v ms="$check_ms" 'BEGIN { printf "%.2f", c * 1000 / ms }')

say "logins for ${seconds}s (wrk, $((cores * 2)) connections)"
login_out=$(wrk -t"$cores" -c"$((cores * 2))" -d"${seconds}s" --timeout 30s -s tests/bench/auth/login.lua "$base/auth/login")
login_rps=$(awk '/^Requests\/sec/ { print $2 }' <<<"$login_out")
login_errors=$(grep -E "Non-2xx|Socket errors" <<<"$login_out" || true)

say "/auth/verify for ${seconds}s (wrk, 32 connections)"
verify_out=$(wrk -t"$cores" -c32 -d"${seconds}s" --latency -H "Authorization: Bearer $token" "$base/auth/verify")
verify_rps=$(awk '/^Requests\/sec/ { print $2 }' <<<"$verify_out")
verify_p99=$(awk '$1 == "99%" { print $2 }' <<<"$verify_out")
verify_errors=$(grep -E "Non-2xx|Socket errors" <<<"$verify_out" || true)

# failed_login_s <email>: one wrong-password login's time, in seconds.
failed_login_s() {
  curl -s -o /dev/null -w '%{time_total}\n' -X POST "$base/auth/login" \
    -H 'Content-Type: application/json' -d "{\"email\":\"$1\",\"password\":\"wrong\"}"
}
# medians_ms <email>...: the median of 15 failed logins per email, in ms,
# taken in turns (one of each per round), so drift on a shared machine
# affects every email alike.
medians_ms() {
  local _ email
  for _ in $(seq 15); do
    for email in "$@"; do echo "$email $(failed_login_s "$email")"; done
  done | sort -k1,1 -k2n | awk -v order="$*" '
    { t[$1, ++n[$1]] = $2 }
    END { split(order, e, " "); for (i = 1; i in e; i++) printf "%.0f ", t[e[i], int((n[e[i]] + 1) / 2)] * 1000; print "" }'
}
say "failed logins: known, known at cost 10, unknown"
old_hash=$(/usr/bin/python3 -c 'import bcrypt; print(bcrypt.hashpw(b"old password 1", bcrypt.gensalt(10)).decode())')
"$(pg_bin)/psql" -qX -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres \
  -c "INSERT INTO users (email, hashed_password) VALUES ('old@example.com', '$old_hash')"
read -r known_ms old_ms unknown_ms < <(medians_ms bench@example.com old@example.com nobody@example.com)
curl -fs -o /dev/null -X POST "$base/auth/login" -H 'Content-Type: application/json' \
  -d '{"email":"old@example.com","password":"old password 1"}'
read -r rehashed_ms unknown_after_ms < <(medians_ms old@example.com nobody@example.com)

cat <<REPORT
auth-service benchmark ($cores cores, $(date -u +%Y-%m-%dT%H:%M:%SZ))
  bcrypt check, cost 12:        ${check_ms} ms
  bcrypt limit (cores / check): ${limit} logins/s
  logins, cost 12:              ${login_rps} logins/s ${login_errors:+($login_errors)}
  /auth/verify:                 ${verify_rps} req/s, p99 ${verify_p99} ${verify_errors:+($verify_errors)}
  failed login, median of 15:   known ${known_ms} ms, known at cost 10 ${old_ms} ms, unknown ${unknown_ms} ms
  the cost-10 account after one successful login (re-hashed at 12): ${rehashed_ms} ms, unknown ${unknown_after_ms} ms
REPORT
