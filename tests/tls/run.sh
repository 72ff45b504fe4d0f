#!/usr/bin/env bash
# Verified TLS to PostgreSQL (sslmode=verify-full), a step of tests/run.sh.
# Production databases (Neon, Supabase, RDS, Cloud SQL) are reached over the
# internet; docs/operations.md ("Managed PostgreSQL") tells users to connect
# with verify-full and an sslrootcert. This proves the services do that:
#
#   1. a throwaway CA and a server certificate for DNS:localhost only, and a
#      second, unrelated CA;
#   2. a throwaway PostgreSQL 15 serving TLS with that certificate, password
#      logins over TLS only (pg_hba: hostssl, and hostnossl ... reject);
#   3. (a) the whole stack (deploy/local/run.sh --detach, free ports, a temp
#      data dir) against it with host=localhost, sslmode=verify-full and
#      sslrootcert=<the CA>: sign-up, login, a task created and listed through
#      the proxy, and the server saw only TLS connections from both roles;
#   4. (b) the refusals: a service given the other CA, and one given
#      host=127.0.0.1 (not in the certificate), never become ready, and say
#      why in their logs without printing the password.
#
# Usage: tests/tls/run.sh
#   BUILD_DIR   the build tree holding both executables [build/${TEST_PRESET:-dev}]
#   SKIP_BUILD  1: run.sh uses the executables as they are (else it brings them up to date)
# It prints what each part cost; everything it started is stopped, and its
# temp directory removed, on any exit.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../../scripts/lib.sh"
cd "$(dirname "$0")/../.."

build_dir=${BUILD_DIR:-build/${TEST_PRESET:-dev}}
[[ $build_dir == /* ]] || build_dir=$PWD/$build_dir
readonly build_dir
# How long a refused service is watched: long enough for a few connection
# attempts (the pools retry), short enough for the step's budget.
readonly refusal_watch_seconds=5
readonly refusal_deadline_seconds=20

work_dir=""
pki="" pg_dir="" pg_port="" stack_dir=""
stack_started=0
direct_pids=()
auth_db_password="" task_db_password="" jwt_secret="" service_jwt_secret=""
failures=0

say() { echo "tls: $*" >&2; }
fail() {
  failures=$((failures + 1))
  say "FAILED: $*"
}

# Seconds since <start> (an $EPOCHREALTIME), one decimal.
elapsed_since() {
  awk -v start="$1" -v now="$EPOCHREALTIME" 'BEGIN { printf "%.1fs", now - start }'
}

# --- certificates ----------------------------------------------------------------

# make_ca <name> <subject>: a self-signed CA, <name>.crt and <name>.key.
make_ca() {
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 \
    -subj "$2" -keyout "$pki/$1.key" -out "$pki/$1.crt" \
    -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign \
    2>"$pki/openssl.log"
}

# The server's certificate names localhost and nothing else (no IP address),
# so host=127.0.0.1 must fail verify-full's host name check.
make_server_certificate() {
  openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes \
    -subj /CN=localhost -keyout "$pki/server.key" -out "$pki/server.csr" 2>>"$pki/openssl.log"
  openssl x509 -req -in "$pki/server.csr" -CA "$pki/ca.crt" -CAkey "$pki/ca.key" -set_serial 2 -days 2 \
    -extfile <(printf '%s\n' subjectAltName=DNS:localhost basicConstraints=critical,CA:FALSE \
      keyUsage=critical,digitalSignature extendedKeyUsage=serverAuth) \
    -out "$pki/server.crt" 2>>"$pki/openssl.log"
}

make_certificates() {
  pki=$work_dir/pki
  mkdir -m 755 "$pki"
  make_ca ca "/CN=todo TLS test CA"
  make_ca other-ca "/CN=an unrelated CA"
  make_server_certificate
  # The CA keys are not needed once the certificate is signed.
  rm -f "$pki/ca.key" "$pki/other-ca.key" "$pki/server.csr"
  # PostgreSQL refuses a key others can read; it runs as `postgres` when we are root.
  chmod 600 "$pki/server.key"
  pg_own "$pki/server.key"
  chmod 644 "$pki/ca.crt" "$pki/other-ca.crt" "$pki/server.crt"
}

# --- PostgreSQL over TLS only --------------------------------------------------------

# TCP logins only over TLS and with the role's password; the local socket
# (which the test itself uses to set up and to look) stays trusted.
write_pg_hba() {
  local hba=$pg_dir/data/pg_hba.conf
  cat >"$hba" <<'EOF'
local     all all                trust
hostssl   all all 127.0.0.1/32   scram-sha-256
hostssl   all all ::1/128        scram-sha-256
hostnossl all all 0.0.0.0/0      reject
hostnossl all all ::/0           reject
EOF
  pg_own "$hba"
}

# psql_admin <sql>: as the superuser over the local socket; prints the result.
psql_admin() {
  "$(pg_bin)/psql" -X -q -At -v ON_ERROR_STOP=1 -h "$pg_dir" -p "$pg_port" -U postgres -d postgres -c "$1"
}

# psql_tcp <conninfo>: a login over TCP as todo_auth; its output is the answer or
# libpq's error. The password goes through the environment, never a command line.
psql_tcp() {
  PGPASSWORD=$auth_db_password "$(pg_bin)/psql" -X -At -c 'SELECT 1' \
    "host=localhost port=$pg_port dbname=todo_auth user=todo_auth connect_timeout=5 $1" 2>&1
}

start_postgres() {
  pg_dir=$work_dir/pg
  # listen_addresses = localhost (after the helper's 127.0.0.1): whatever
  # localhost resolves to, libpq's first attempt meets the TLS server, so a
  # refused certificate is the error the services report.
  pg_port=$(start_throwaway_postgres --passwords "$pg_dir" "ssl = on" \
    "ssl_cert_file = '$pki/server.crt'" "ssl_key_file = '$pki/server.key'" \
    "listen_addresses = 'localhost'")
  write_pg_hba
  psql_admin 'SELECT pg_reload_conf()' >/dev/null
  # The same roles and databases as compose's and Kubernetes' dev PostgreSQL.
  env POSTGRES_USER=postgres PGHOST="$pg_dir" PGPORT="$pg_port" \
    TODO_AUTH_DB_PASSWORD="$auth_db_password" TODO_TASKS_DB_PASSWORD="$task_db_password" \
    deploy/k8s/overlays/dev/postgres-init/10-todo-databases.sh >/dev/null
  say "PostgreSQL 15 on localhost:$pg_port, TLS with a certificate for DNS:localhost"
}

# The server itself: a plain TCP login is refused (after the reload took
# effect), a verified TLS login with the test CA works.
check_server_requires_tls() {
  local output deadline=$((SECONDS + 5))
  while true; do
    output=$(psql_tcp sslmode=disable) || true
    [[ $output != *"no encryption"* ]] || break
    ((SECONDS < deadline)) || { fail "a non-TLS login was not refused: $output"; return 0; }
    sleep 0.1
  done
  say "ok: a non-TLS TCP login is refused (pg_hba: hostssl only)"
  output=$(psql_tcp "sslmode=verify-full sslrootcert=$pki/ca.crt") ||
    { fail "a verify-full login with the test CA failed: $output"; return 0; }
  say "ok: psql logs in with sslmode=verify-full and the test CA"
}

# --- (a) the whole stack over verified TLS ---------------------------------------

# database_url <role> <database> <host> <CA file>
database_url() {
  local password=$auth_db_password
  [[ $1 == todo_auth ]] || password=$task_db_password
  echo "postgresql://$1:$password@$3:$pg_port/$2?sslmode=verify-full&sslrootcert=$4"
}

start_stack() {
  stack_dir=$work_dir/stack
  mkdir "$stack_dir"
  throwaway_stack_env "$stack_dir"
  # After throwaway_stack_env, which unsets them: run.sh then starts no
  # PostgreSQL of its own and passes each URL to its service.
  AUTH_DATABASE_URL=$(database_url todo_auth todo_auth localhost "$pki/ca.crt")
  TASK_DATABASE_URL=$(database_url todo_tasks todo_tasks localhost "$pki/ca.crt")
  export AUTH_DATABASE_URL TASK_DATABASE_URL
  # Nothing here needs the web app: an empty STATIC_ROOT skips its build.
  export STATIC_ROOT=$stack_dir/www
  mkdir "$STATIC_ROOT"
  # Cheaper sign-up and login hashes; the cost is not what is tested here.
  export BCRYPT_COST=10
  stack_started=1
  BUILD_DIR=$build_dir deploy/local/run.sh --detach
}

stop_stack() {
  [[ $stack_started -eq 1 ]] || return 0
  stack_started=0
  TODO_DATA_DIR=$stack_dir deploy/local/run.sh stop
}

# api <method> <path> [<token>] [<json body>]: prints "<status> <body>".
api() {
  local args=(-s -X "$1" -w '\n%{http_code}' "http://127.0.0.1:$PROXY_PORT$2")
  [[ -z ${3:-} ]] || args+=(-H "Authorization: Bearer $3")
  [[ -z ${4:-} ]] || args+=(-H 'Content-Type: application/json' -d "$4")
  local output
  output=$(curl "${args[@]}") || return 1
  echo "${output##*$'\n'} ${output%$'\n'*}"
}

# json_field <json> <field>
json_field() {
  python3 -c 'import json, sys; print(json.loads(sys.argv[1])[sys.argv[2]])' "$1" "$2"
}

# expect <what> <expected status> <"status body">
expect() {
  [[ ${3%% *} == "$2" ]] || { fail "$1: answered ${3:0:300}"; return 1; }
  say "ok: $1 ($2)"
}

check_api_through_proxy() {
  local email="tls-$$@example.com" password="correct horse battery" answer token
  local credentials="{\"email\": \"$email\", \"password\": \"$password\"}"
  answer=$(api POST /auth/signup "" "$credentials")
  expect "sign-up" 201 "$answer" || return 0
  answer=$(api POST /auth/login "" "$credentials")
  expect "login" 200 "$answer" || return 0
  token=$(json_field "${answer#* }" access_token)
  answer=$(api POST /api/tasks "$token" '{"title": "Renew the TLS certificate"}')
  expect "create a task" 201 "$answer" || return 0
  answer=$(api GET /api/tasks "$token")
  expect "list the tasks" 200 "$answer" || return 0
  [[ $answer == *'"title":"Renew the TLS certificate"'* ]] || fail "the list lacks the task: ${answer:0:300}"
}

# Both services' connections, as the server saw them: every one over TLS.
check_server_saw_tls() {
  local counts
  counts=$(psql_admin "SELECT usename, count(*) FILTER (WHERE ssl), count(*) FILTER (WHERE NOT ssl),
      string_agg(DISTINCT version, ',')
    FROM pg_stat_ssl JOIN pg_stat_activity USING (pid)
    WHERE usename IN ('todo_auth', 'todo_tasks') GROUP BY usename ORDER BY usename")
  local user tls plain versions seen=0
  while IFS='|' read -r user tls plain versions; do
    [[ -n $user ]] || continue
    seen=$((seen + 1))
    if ((tls > 0 && plain == 0)); then
      say "ok: $user: $tls connection(s), all over TLS ($versions)"
    else
      fail "$user: $tls TLS and $plain plain connections"
    fi
  done <<<"$counts"
  ((seen == 2)) || fail "the server saw connections from $seen of the two roles: $counts"
}

part_stack() {
  local started=$EPOCHREALTIME
  say "(a) the whole stack with sslmode=verify-full, host=localhost, sslrootcert=<test CA>"
  if start_stack; then
    check_api_through_proxy
    check_server_saw_tls
  else
    fail "the stack did not start over verified TLS"
    tail -n 20 "$stack_dir"/logs/{auth-service,task-service}.log >&2 2>/dev/null || true
  fi
  stop_stack || fail "deploy/local/run.sh stop"
  say "(a) took $(elapsed_since "$started")"
}

# --- (b) what verify-full refuses ------------------------------------------------

# start_direct <service> <port> <database url> <log>: the executable itself, as
# a container or a Kubernetes pod runs it (no run.sh); records its pid.
start_direct() {
  local service=$1 port=$2 url=$3 log=$4
  (
    unset JWT_SECRET_FILE SERVICE_JWT_SECRET_FILE AUTH_DATABASE_URL TASK_DATABASE_URL
    export DATABASE_URL=$url JWT_SECRET=$jwt_secret SERVICE_JWT_SECRET=$service_jwt_secret
    export BIND_ADDRESS=127.0.0.1 AUTH_PORT=$port TASK_PORT=$port LOG_LEVEL=info
    # Nothing answers there; the service never gets as far as the feed.
    feed_port=$(free_port)
    export AUTH_INTERNAL_URL=http://127.0.0.1:$feed_port
    exec "$build_dir/$service/$service" >"$log" 2>&1
  ) &
  direct_pids+=($!)
}

# reason_in <log>: the first database error the service logged, unquoted.
reason_in() {
  sed -n 's/.*cannot connect to the database reason="\(.*\)"$/\1/p' "$1" | head -n 1 | sed 's/\\"/"/g'
}

# refused <what> <port> <log> <expected reason> <since>: /readyz never answers
# 200 for refusal_watch_seconds after <since> (a $SECONDS value), the log
# gives libpq's reason, and it holds no password or key.
refused() {
  local what=$1 port=$2 log=$3 expected=$4 since=$5
  while ((SECONDS - since < refusal_deadline_seconds)); do
    if [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "http://127.0.0.1:$port/readyz") == 200 ]]; then
      fail "$what: became ready"
      return 0
    fi
    if ((SECONDS - since > refusal_watch_seconds)) && grep -qF "$expected" "$log"; then break; fi
    sleep 0.2
  done
  if ! grep -qF "$expected" "$log"; then
    fail "$what: its log does not say '$expected'; last lines:"
    tail -n 5 "$log" >&2
    return 0
  fi
  if grep -qF -e "$auth_db_password" -e "$task_db_password" -e "$jwt_secret" -e "$service_jwt_secret" "$log"; then
    fail "$what: its log prints a password or key"
    return 0
  fi
  say "ok: $what: not ready after ${refusal_watch_seconds}s, the log says: $(reason_in "$log")"
}

part_refusals() {
  local started=$EPOCHREALTIME since=$SECONDS auth_port task_port
  say "(b) refusals: a CA that did not sign the server's certificate; a host name not in it"
  auth_port=$(free_port)
  task_port=$(free_port)
  # Both at once, watched over the same few seconds.
  start_direct auth-service "$auth_port" \
    "$(database_url todo_auth todo_auth localhost "$pki/other-ca.crt")" "$work_dir/wrong-ca.log"
  start_direct task-service "$task_port" \
    "$(database_url todo_tasks todo_tasks 127.0.0.1 "$pki/ca.crt")" "$work_dir/wrong-host.log"
  refused "auth-service with sslrootcert=<another CA>" "$auth_port" "$work_dir/wrong-ca.log" \
    "certificate verify failed" "$since"
  refused "task-service with host=127.0.0.1 (the certificate names localhost)" "$task_port" \
    "$work_dir/wrong-host.log" 'does not match host name \"127.0.0.1\"' "$since"
  stop_direct
  say "(b) took $(elapsed_since "$started")"
}

# Ends what start_direct started, by pid. SIGKILL: the services block their
# shutdown signals until the server runs (shared/src/service/startup.cpp), so
# one retrying its migrations would take SIGTERM only after 30 s.
stop_direct() {
  local pid
  for pid in "${direct_pids[@]}"; do
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  direct_pids=()
}

# --- plumbing --------------------------------------------------------------------

# Runs on every exit (success, failure, Ctrl-C): nothing may outlive the run.
cleanup() {
  local status=$?
  trap - EXIT INT TERM
  stop_direct
  stop_stack || status=1
  stop_throwaway_postgres "$pg_dir"
  if [[ -n ${TLS_KEEP:-} ]]; then say "kept $work_dir"; else [[ -z $work_dir ]] || rm -rf "$work_dir"; fi
  exit "$status"
}

require_executables() {
  local service
  for service in auth-service task-service; do
    [[ -x $build_dir/$service/$service || ${SKIP_BUILD:-0} != 1 ]] ||
      { say "no $build_dir/$service/$service (build it, or set BUILD_DIR)"; return 1; }
  done
}

main() {
  local started=$EPOCHREALTIME
  require_executables
  work_dir=$(mktemp -d "${TMPDIR:-/tmp}/todo-tls.XXXXXX")
  chmod 755 "$work_dir"
  trap cleanup EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  auth_db_password=$(random_hex 24) task_db_password=$(random_hex 24)
  jwt_secret=$(random_hex 32) service_jwt_secret=$(random_hex 32)

  make_certificates
  start_postgres
  check_server_requires_tls
  say "set-up took $(elapsed_since "$started")"
  part_stack
  part_refusals

  say "took $(elapsed_since "$started")"
  if ((failures == 0)); then say "all TLS checks passed"; else say "$failures FAILED"; fi
  ((failures == 0))
}

main "$@"
