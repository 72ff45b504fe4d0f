# shellcheck shell=bash disable=SC2154  # work, secret, service_port: set by the caller
# What the task-service benchmarks share (sourced after scripts/lib.sh):
# seeding users' tasks, minting their tokens, and wrk runs that rotate
# through those tokens. The caller defines `work` (a temp dir), `secret`
# (the JWT secret), `service_port` (task-service under test) and
# psql_as (psql as the superuser, taking -d <database>).

# task_service_binary [<path>]: the task-service to measure, <path> when
# given, else the release preset's, built first (with the auth-service
# beside it, whose revocation feed task-service follows).
task_service_binary() {
  if [[ -n ${1:-} ]]; then
    echo "$1"
    return
  fi
  echo "bench: building the release preset's task-service and auth-service" >&2
  cmake --preset release >/dev/null &&
    cmake --build --preset release --target task-service auth-service -j2 >/dev/null || return 1
  echo build/release/task-service/task-service
}

# Users are md5('user' || n) as a UUID, so SQL, pgbench and the tokens agree.
seed() {  # <database> <first user> <last user> <tasks per user>
  psql_as -d "$1" <<SQL
INSERT INTO tasks (user_id, title, description, priority, tags, due_date, created_at, updated_at)
SELECT md5('user' || u)::uuid, 'Task ' || t || ' of user ' || u,
       CASE WHEN t % 2 = 0 THEN 'Some description for task ' || t END,
       (ARRAY['low', 'medium', 'high'])[1 + t % 3], ARRAY['home', 'tag' || (t % 5)],
       CASE WHEN t % 3 = 0 THEN now() + t * interval '1 day' END,
       now() - (u * 100 + t) * interval '1 second', now() - (u * 100 + t) * interval '1 second'
FROM generate_series($2, $3) AS u, generate_series(1, $4) AS t;
VACUUM ANALYZE tasks;
SQL
}

# A Lua table of tokens (minted by PyJWT) for users <first>..<last>.
mint_tokens() {  # <first> <last>
  /usr/bin/python3 - "$secret" "$1" "$2" <<'PY'
import hashlib, sys, time, uuid, jwt
secret, first, last = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
now = int(time.time())
print("tokens = {")
for n in range(first, last + 1):
    sub = str(uuid.UUID(hashlib.md5(f"user{n}".encode()).hexdigest()))
    token = jwt.encode({"sub": sub, "email": f"u{n}@example.com", "iat": now, "exp": now + 3600,
                        "iss": "todo-auth", "aud": "todo-api", "jti": uuid.uuid4().hex},
                       secret, algorithm="HS256")
    print(f'  "{token}",')
print("}")
PY
}
# wrk: each connection walks the token list from its own starting point;
# done() prints one machine-readable line.
write_wrk_script() {  # <method> <body or empty> <tokens file>
  cat "$3"
  cat <<LUA
local counter = 0
local method, body = "$1", '$2'
setup = function(thread) thread:set("offset", counter * 997); counter = counter + 1 end
init = function() i = offset or 0 end
request = function()
  i = i % #tokens + 1
  local headers = { ["Authorization"] = "Bearer " .. tokens[i] }
  if body ~= "" then headers["Content-Type"] = "application/json" end
  return wrk.format(method, "/api/tasks", headers, body ~= "" and body or nil)
end
done = function(summary, latency, requests)
  local non2xx = summary.errors.status
  io.write(string.format("RESULT rps=%.0f p50_ms=%.2f p99_ms=%.2f requests=%d errors=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, summary.requests,
    non2xx + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
LUA
}
run_wrk() {  # <name> <method> <body> <connections> <seconds> [tokens file]
  write_wrk_script "$2" "$3" "${6:-$work/tokens.lua}" >"$work/$1.lua"
  local threads=$(($4 < 2 ? $4 : 2))  # wrk needs connections >= threads
  wrk -t"$threads" -c"$4" -d"$5"s -s "$work/$1.lua" "http://127.0.0.1:$service_port" 2>&1 |
    grep '^RESULT' | sed 's/^RESULT //'
}
field() { sed -n "s/.*$1=\([0-9.]*\).*/\1/p" <<<"$2"; }
