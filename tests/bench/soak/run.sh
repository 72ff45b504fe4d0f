#!/usr/bin/env bash
# Soak benchmark: the whole local stack (nginx + both services + PostgreSQL)
# under a steady mixed load for a while, watching what a leak would show.
# Prints numbers; asserts nothing.
#
#   tests/bench/soak/run.sh            builds the release preset, soaks 300 s
#   SOAK_SECONDS=3600 tests/bench/soak/run.sh
#   BUILD_DIR=build/dev tests/bench/soak/run.sh    (sanitizer build: slower, but
#                                                   leaks are reported at exit)
#
# Why: Debian's Pistache 0.0.5 has known fd leaks and hangs when writing large
# responses (docs/operations.md, "Soak"), so the mix includes full pages
# of 100 maximal tasks (about 250 KiB each) and requests that fail in every
# way a client can make them fail. Every SAMPLE_SECONDS it prints each
# service's resident memory (VmRSS) and open file descriptors; at the end the
# request counts by class (5xx and socket errors should be 0) and the drift
# of memory and descriptors between the first sample after warm-up and the
# last one. Memory that levels off is caches and allocator arenas; memory or
# descriptors that keep growing with the request count are a leak.
#
# Environment: SOAK_SECONDS (300), SAMPLE_SECONDS (15), SOAK_CONNECTIONS (32),
# SOAK_USERS (50), BUILD_DIR (default: build the release preset).
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../../../scripts/lib.sh"
cd "$(dirname "$0")/../../.."

readonly seconds=${SOAK_SECONDS:-300}
readonly sample_every=${SAMPLE_SECONDS:-15}
readonly connections=${SOAK_CONNECTIONS:-32}
readonly users=${SOAK_USERS:-50}

data_dir=""
started=0
say() { echo "soak: $*" >&2; }

cleanup() {
  local status=$?
  if [[ $started -eq 1 ]]; then deploy/local/run.sh stop >/dev/null 2>&1 || true; fi
  if [[ $status -ne 0 && -n $data_dir ]]; then
    tail -n 20 "$data_dir"/logs/{auth-service,task-service}.log >&2 2>/dev/null || true
  fi
  [[ -z $data_dir ]] || rm -rf "$data_dir"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

build_tree() {
  if [[ -n ${BUILD_DIR:-} ]]; then
    echo "$BUILD_DIR"
    return
  fi
  deploy/local/install-deps.sh >&2
  cmake --preset release >/dev/null
  cmake --build --preset release -j"$(nproc)" --target auth-service task-service >/dev/null
  echo build/release
}

start_stack() {
  data_dir=$(mktemp -d "${TMPDIR:-/tmp}/todo-soak.XXXXXX")
  throwaway_stack_env "$data_dir"
  export BUILD_DIR
  # Sign-ups are set-up here, not what is measured: the cheapest allowed cost.
  export BCRYPT_COST=10 LOG_LEVEL=warn
  started=1
  deploy/local/run.sh --detach >"$data_dir/run.log" 2>&1 || { cat "$data_dir/run.log" >&2; return 1; }
  base=http://127.0.0.1:$PROXY_PORT
}

# <n>: signs user n up, prints its token.
sign_up() {
  curl -sf -H 'Content-Type: application/json' \
    -d "{\"email\": \"soak-$1@example.com\", \"password\": \"soak password $1\"}" "$base/auth/signup" >/dev/null
  curl -sf -H 'Content-Type: application/json' \
    -d "{\"email\": \"soak-$1@example.com\", \"password\": \"soak password $1\"}" "$base/auth/login" |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["access_token"])'
}

# 100 tasks with every field at its maximum for the first user: GET
# /api/tasks?limit=100 then answers a page of about 250 KiB.
seed_full_page() {
  local token=$1 body
  body=$(python3 -c '
import json
print(json.dumps({"title": "T" * 200, "description": "D" * 2000, "priority": "high",
                  "tags": ["tag-%02d-%s" % (i, "x" * 43) for i in range(20)],
                  "due_date": "2027-01-01T00:00:00Z"}))')
  for _ in $(seq 100); do
    curl -sf -o /dev/null -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
      -d "$body" "$base/api/tasks"
  done
}

write_tokens() {
  local i
  echo "tokens = {"
  for i in $(seq "$users"); do echo "  \"$(sign_up "$i")\","; done
  echo "}"
}

# The mix, one request per call, chosen round-robin from a weighted list.
write_wrk_script() {
  cat "$data_dir/tokens.lua"
  cat <<'LUA'
local threads = {}
setup = function(thread) table.insert(threads, thread); thread:set("id", #threads) end
init = function()
  n = id * 7919
  counts = { c2xx = 0, c4xx = 0, c5xx = 0, other = 0 }
end
local function auth(token) return { ["Authorization"] = "Bearer " .. token } end
local function json(token)
  return { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }
end
local task = '{"title":"soak task","description":"made by the soak benchmark","priority":"low",' ..
             '"tags":["soak","wrk"],"due_date":"2027-06-01"}'
local mix = {
  function(t) return wrk.format("GET", "/api/tasks", auth(t)) end,
  function(t) return wrk.format("GET", "/api/tasks", auth(t)) end,
  function(t) return wrk.format("GET", "/api/tasks?status=pending&sort=priority&order=asc&search=soak&limit=20", auth(t)) end,
  function(t) return wrk.format("POST", "/api/tasks", json(t), task) end,
  function(t) return wrk.format("GET", "/auth/me", auth(t)) end,
  function(t) return wrk.format("GET", "/auth/verify", auth(t)) end,
  function(t) return wrk.format("PATCH", "/api/tasks/" .. (n % 5000 + 1) .. "/complete", auth(t)) end,
  function(t) return wrk.format("PATCH", "/api/tasks/" .. (n % 5000 + 1), json(t), '{"priority":"high"}') end,
  function(t) return wrk.format("DELETE", "/api/tasks/" .. (n % 20000 + 101), auth(t)) end,
  -- the full page of maximal tasks (the first user's)
  function(t) return wrk.format("GET", "/api/tasks?limit=100", auth(tokens[1])) end,
  -- what clients get wrong: 401, 422, 400, 415, 404, 405
  function(t) return wrk.format("GET", "/api/tasks", auth("not.a.token")) end,
  function(t) return wrk.format("GET", "/api/tasks", {}) end,
  function(t) return wrk.format("GET", "/api/tasks?limit=0&sort=nope", auth(t)) end,
  function(t) return wrk.format("GET", "/api/tasks/abc", auth(t)) end,
  function(t) return wrk.format("POST", "/api/tasks", json(t), '{"title": ') end,
  function(t) return wrk.format("POST", "/api/tasks", auth(t), "title=x") end,
  function(t) return wrk.format("POST", "/api/tasks", json(t), '{"title":"","tags":[1,2]}') end,
  function(t) return wrk.format("POST", "/auth/login", { ["Content-Type"] = "application/json" }, '{"email":"x"}') end,
  function(t) return wrk.format("PUT", "/auth/me", auth(t)) end,
}
request = function()
  n = n + 1
  return mix[n % #mix + 1](tokens[n % #tokens + 1])
end
response = function(status)
  if status >= 200 and status < 300 then counts.c2xx = counts.c2xx + 1
  elseif status >= 400 and status < 500 then counts.c4xx = counts.c4xx + 1
  elseif status >= 500 then counts.c5xx = counts.c5xx + 1
  else counts.other = counts.other + 1 end
end
done = function(summary, latency, requests)
  local total = { c2xx = 0, c4xx = 0, c5xx = 0, other = 0 }
  for _, thread in ipairs(threads) do
    local c = thread:get("counts")
    for k, v in pairs(c) do total[k] = total[k] + v end
  end
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d rps=%.0f p50_ms=%.2f p99_ms=%.2f max_ms=%.1f 2xx=%d 4xx=%d 5xx=%d other=%d socket_errors=%d timeouts=%d\n",
    summary.requests, summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, total.c2xx, total.c4xx, total.c5xx,
    total.other, e.connect + e.read + e.write, e.timeout))
end
LUA
}

# <service>: "rss_kib fds" of its process.
usage_of() {
  local pid
  pid=$(head -n1 "$data_dir/run/$1.pid")
  echo "$(awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status") $(find "/proc/$pid/fd" -mindepth 1 -maxdepth 1 | wc -l)"
}

main() {
  command -v wrk >/dev/null || deploy/local/install-deps.sh >&2
  BUILD_DIR=$(build_tree)
  say "starting the stack from $BUILD_DIR"
  start_stack
  say "signing up $users users, seeding a page of 100 maximal tasks"
  write_tokens >"$data_dir/tokens.lua"
  seed_full_page "$(sed -n 2p "$data_dir/tokens.lua" | tr -d ' ",')"
  write_wrk_script >"$data_dir/soak.lua"

  say "warming up (20 s)"
  wrk -t2 -c"$connections" -d20s -s "$data_dir/soak.lua" "$base" >/dev/null 2>&1
  say "soaking for ${seconds}s with $connections connections, sampling every ${sample_every}s"
  wrk -t2 -c"$connections" -d"${seconds}s" --timeout 30s -s "$data_dir/soak.lua" "$base" \
    >"$data_dir/wrk.out" 2>&1 &
  local wrk_pid=$! elapsed=0 first_auth="" first_task="" auth task
  printf '%8s  %14s %9s  %14s %9s\n' seconds auth_rss_kib auth_fds task_rss_kib task_fds
  while kill -0 "$wrk_pid" 2>/dev/null; do
    auth=$(usage_of auth-service) task=$(usage_of task-service)
    [[ -n $first_auth ]] || { first_auth=$auth first_task=$task; }
    # shellcheck disable=SC2086  # two numbers each
    printf '%8s  %14s %9s  %14s %9s\n' "$elapsed" $auth $task
    sleep "$sample_every"
    elapsed=$((elapsed + sample_every))
  done
  wait "$wrk_pid" || true
  auth=$(usage_of auth-service) task=$(usage_of task-service)
  # shellcheck disable=SC2086
  printf '%8s  %14s %9s  %14s %9s\n' end $auth $task

  local result
  result=$(sed -n 's/^RESULT //p' "$data_dir/wrk.out")
  [[ -n $result ]] || { cat "$data_dir/wrk.out" >&2; return 1; }
  echo "soak benchmark ($(nproc) cores, $(date -u +%Y-%m-%dT%H:%M:%SZ), ${seconds}s, $connections connections, build $BUILD_DIR)"
  echo "  $result"
  read -r a0 f0 <<<"$first_auth"
  read -r a1 f1 <<<"$auth"
  echo "  auth-service: RSS ${a0} -> ${a1} KiB ($(((a1 - a0) / 1024)) MiB), fds ${f0} -> ${f1}"
  read -r a0 f0 <<<"$first_task"
  read -r a1 f1 <<<"$task"
  echo "  task-service: RSS ${a0} -> ${a1} KiB ($(((a1 - a0) / 1024)) MiB), fds ${f0} -> ${f1}"
  local service port
  for service in auth-service:$AUTH_PORT task-service:$TASK_PORT; do
    port=${service#*:} service=${service%%:*}
    curl -sf -o /dev/null "http://127.0.0.1:$port/healthz" ||
      echo "  $service: NOT answering /healthz after the soak"
  done
  # A sanitizer build reports leaks when the services exit.
  deploy/local/run.sh stop >/dev/null 2>&1 || true
  started=0
  local log
  for log in "$data_dir"/logs/{auth-service,task-service}.log; do
    if grep -qE 'ERROR: (Address|Leak)Sanitizer|runtime error:' "$log"; then
      echo "  sanitizer report in $(basename "$log"):"
      grep -E -A 20 'ERROR: (Address|Leak)Sanitizer|runtime error:' "$log" | head -n 40
    fi
  done
}

main "$@"
