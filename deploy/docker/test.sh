#!/usr/bin/env bash
# The container test (a step of tests/run.sh): builds the three images from
# the Dockerfiles with podman (build.sh), starts a throwaway PostgreSQL, both
# service containers and the proxy container with the production-style
# settings below, runs the end-to-end suite (tests/e2e) through the proxy,
# restarts the services' containers to prove the data outlives them, checks
# what the images promise (non-root, read-only, health checks, a graceful
# SIGTERM drain, no compiler or -dev package), and removes everything it
# started, whatever happens.
#
# Usage:
#   deploy/docker/test.sh              build, run, test, clean up
#   SKIP_BUILD=1 deploy/docker/test.sh use the images already built (same TAG)
#   deploy/docker/test.sh --plan       print what it would run (tests/deploy/compose.test.mjs
#                                      compares that with deploy/compose/compose.yaml)
#
# Containers use the host's network (the only kind that works on the
# project's machines, see podman.sh), each on a free port.
set -euo pipefail

docker_dir=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$docker_dir/../.." && pwd)
readonly docker_dir repo
# shellcheck source=scripts/lib.sh
source "$repo/scripts/lib.sh"
readonly run_id=$$
readonly containers=(auth-service task-service proxy)

work_dir=""
pg_port="" auth_port="" task_port="" proxy_port=""
auth_db_password="" task_db_password="" jwt_secret="" service_jwt_secret=""
failures=0
checks=0

say() { echo "containers: $*" >&2; }

# --- what runs: the single description used both to run and to --plan --------

image_of() {
  case $1 in
    auth-service) echo "todo-auth-service:$tag" ;;
    task-service) echo "todo-task-service:$tag" ;;
    proxy) echo "todo-proxy:$tag" ;;
  esac
}

# env_of <container>: NAME=value lines, the settings compose.yaml gives too.
env_of() {
  case $1 in
    auth-service)
      echo "AUTH_PORT=$auth_port"
      echo "DATABASE_URL=postgresql://todo_auth:$auth_db_password@127.0.0.1:$pg_port/todo_auth"
      echo "JWT_SECRET=$jwt_secret"
      echo "JWT_PREVIOUS_SECRETS="
      echo "SERVICE_JWT_SECRET=$service_jwt_secret"
      echo "LOG_FORMAT=json"
      echo "LOG_LEVEL=info"
      echo "MAX_BODY_BYTES=65536"
      echo "SHUTDOWN_GRACE_SECONDS=20"
      # The proxy connects over the host's loopback here.
      echo "TRUSTED_PROXIES=127.0.0.1/32,::1/128"
      ;;
    task-service)
      echo "TASK_PORT=$task_port"
      echo "DATABASE_URL=postgresql://todo_tasks:$task_db_password@127.0.0.1:$pg_port/todo_tasks"
      echo "JWT_SECRET=$jwt_secret"
      echo "JWT_PREVIOUS_SECRETS="
      echo "SERVICE_JWT_SECRET=$service_jwt_secret"
      # auth-service's revocation feed, directly (the proxy never routes /internal/).
      echo "AUTH_INTERNAL_URL=http://127.0.0.1:$auth_port"
      echo "LOG_FORMAT=json"
      echo "LOG_LEVEL=info"
      echo "MAX_BODY_BYTES=65536"
      echo "SHUTDOWN_GRACE_SECONDS=20"
      echo "TRUSTED_PROXIES=127.0.0.1/32,::1/128"
      ;;
    proxy)
      echo "PROXY_PORT=$proxy_port"
      echo "AUTH_UPSTREAM=127.0.0.1:$auth_port"
      echo "TASK_UPSTREAM=127.0.0.1:$task_port"
      echo "MAX_BODY_BYTES=65536"
      ;;
  esac
}

# The hardening every container gets (compose.yaml: x-service-hardening).
readonly hardening=(--read-only --tmpfs=/tmp --cap-drop=ALL --security-opt=no-new-privileges)

# The port a container listens on, and what answers there when it is healthy.
port_of() {
  case $1 in
    auth-service) echo "$auth_port" ;;
    task-service) echo "$task_port" ;;
    proxy) echo "$proxy_port" ;;
  esac
}

print_plan() {
  local name line
  for name in "${containers[@]}"; do
    echo "container $name image=$(image_of "$name" | sed 's/:.*//') port=$(port_of "$name")"
    for line in "${hardening[@]}"; do echo "option $name $line"; done
    while IFS= read -r line; do echo "env $name $line"; done < <(env_of "$name")
  done
  echo "database postgres"
}

# --- checks ------------------------------------------------------------------------

pass() {
  checks=$((checks + 1))
  say "ok: $*"
}
fail() {
  checks=$((checks + 1))
  failures=$((failures + 1))
  say "FAILED: $*"
}
check() {
  local description=$1
  shift
  if "$@"; then pass "$description"; else fail "$description"; fi
}

container_name() {
  echo "todo-test-$1-$run_id"
}

# --- PostgreSQL: a private throwaway cluster, password logins over TCP ---------------

# --passwords: the services' containers log in as they do in production.
# (scripts/lib.sh starts the server without podman.sh's storage lock, fd 8.)
start_postgres() {
  pg_port=$(start_throwaway_postgres --passwords "$work_dir/pg")
  # The same roles and databases as compose's and Kubernetes' dev PostgreSQL
  # (the local socket trusts its peer, so this needs no password).
  env POSTGRES_USER=postgres PGHOST="$work_dir/pg" PGPORT="$pg_port" \
    TODO_AUTH_DB_PASSWORD="$auth_db_password" TODO_TASKS_DB_PASSWORD="$task_db_password" \
    "$repo/deploy/k8s/overlays/dev/postgres-init/10-todo-databases.sh" >/dev/null
  say "PostgreSQL 15 on 127.0.0.1:$pg_port"
}

# --- containers -------------------------------------------------------------------------

# start_container <name>: detached; its output is followed into
# $work_dir/<name>.log (the e2e suite reads the services' logs), podman's own
# messages go to $work_dir/podman.log. Not --rm: the exit status is checked
# after a stop; the next start and remove_containers remove it.
start_container() {
  local name=$1 id args=() line
  id=$(container_name "$name")
  while IFS= read -r line; do args+=(-e "$line"); done < <(env_of "$name")
  # Not compose's settings (so not in env_of): the end-to-end suite signs up
  # every user, and fails logins, from the proxy's one loopback address.
  if [[ $name == auth-service ]]; then
    args+=(-e SIGNUP_MAX_PER_CLIENT=1000000 -e LOGIN_MAX_FAILURES_PER_CLIENT=1000000)
  fi
  pm rm --force --ignore "$id" >/dev/null 2>>"$work_dir/podman.log"
  # --health-interval=disable: podman would schedule the image's HEALTHCHECK
  # with a systemd timer, and there is no systemd here (it logs an error per
  # container); wait_healthy runs the same check with `podman healthcheck run`.
  # 8>&-: neither conmon nor the follower may keep the storage lock.
  pm run --detach --name "$id" --network=host --health-interval=disable \
    "${hardening[@]}" "${args[@]}" "$(image_of "$name")" >/dev/null 2>>"$work_dir/podman.log" 8>&-
  pm logs --follow "$id" >>"$work_dir/$name.log" 2>&1 8>&- &
}

# wait_healthy <name>: until the image's own HEALTHCHECK passes.
wait_healthy() {
  local name=$1 deadline=$((SECONDS + 120))
  until pm healthcheck run "$(container_name "$name")" >/dev/null 2>&1; do
    if ((SECONDS > deadline)) || ! pm container exists "$(container_name "$name")"; then
      say "$name did not become healthy; its log:"
      tail -n 30 "$work_dir/$name.log" >&2
      return 1
    fi
    sleep 0.5
  done
}

start_stack() {
  start_container auth-service
  start_container task-service
  wait_healthy auth-service
  wait_healthy task-service
  start_container proxy
  wait_healthy proxy
}

remove_containers() {
  local name
  for name in "${containers[@]}"; do
    pm rm --force --time 5 "$(container_name "$name")" >/dev/null 2>&1 || true
  done
  wait 2>/dev/null || true
}

# --- what the images promise ----------------------------------------------------------

# The process's uid as the host sees it.
host_uid_of() {
  local pid
  pid=$(pm inspect --format '{{.State.Pid}}' "$(container_name "$1")")
  awk '/^Uid:/ { print $2 }' "/proc/$pid/status"
}

runs_as_non_root() {
  local uid
  uid=$(host_uid_of "$1")
  [[ -n $uid && $uid -ne 0 ]] || { say "$1 runs as uid '$uid'"; return 1; }
}

# Even root (which owns /) cannot write there.
root_filesystem_is_read_only() {
  local output
  output=$(pm exec --user 0 "$(container_name "$1")" /bin/sh -c 'touch /probe 2>&1' || true)
  [[ $output == *"Read-only file system"* ]] || { say "$1: touch / said: $output"; return 1; }
}

# No compiler, no -dev package, no build tool in a runtime image.
image_has_no_build_tools() {
  local packages found
  # shellcheck disable=SC2016  # a dpkg-query format, not a shell expansion
  packages=$(pm run --rm --network=none --no-healthcheck --entrypoint /usr/bin/dpkg-query "$1" -W -f '${Package}\n') ||
    { say "cannot list the packages of $1"; return 1; }
  [[ $packages == *libc6* ]] || { say "no package list from $1"; return 1; }
  found=$(grep -E -- '-dev$|^(gcc|g\+\+|cpp|clang|cmake|make|build-essential|binutils)(-[0-9.]+)?$' \
    <<<"$packages" || true)
  [[ -z $found ]] || { say "$1 contains: $(tr '\n' ' ' <<<"$found")"; return 1; }
}

# Kubernetes' preStop runs `sleep` in the service images.
image_has_sleep() {
  pm run --rm --network=none --no-healthcheck --entrypoint sleep "$1" 0
}

declares_healthcheck_and_port() {
  local image=$1 port=$2
  # shellcheck disable=SC2016  # Go templates
  [[ $(pm image inspect --format '{{.Config.Healthcheck.Test}}' "$image") == *healthcheck* ]] &&
    [[ $(pm image inspect --format '{{range $p, $_ := .Config.ExposedPorts}}{{$p}} {{end}}' "$image") == *"$port/tcp"* ]]
}

# SIGTERM: the service drains and exits 0, well within the grace period.
drains_on_sigterm() {
  local name=$1 id status started
  id=$(container_name "$name")
  started=$SECONDS
  pm kill --signal TERM "$id" >/dev/null
  status=$(timeout 60 podman "${pm_flags[@]}" wait "$id" || true)
  say "$name stopped with status ${status:-unknown} after $((SECONDS - started))s"
  [[ $status == 0 ]]
}

# The auth service's requests in flight, less the /metrics request asking.
logins_in_flight() {
  curl -s "http://127.0.0.1:$auth_port/metrics" |
    awk '/^http_requests_in_flight[{ ]/ { print $NF - 1; found = 1 } END { if (!found) print -1 }'
}

# Logins in flight when SIGTERM arrives still get their answers; then the
# service exits 0. It sends more logins than auth-service has bcrypt workers
# (hash_workers, from its start-up log line, is the machine's core count)
# and signals once more are in flight than there are workers: at least one
# of them then still waits for a whole bcrypt check (~250 ms), so it is
# answered during the drain (the log must show that).
finishes_logins_in_flight_on_sigterm() {
  local url=http://127.0.0.1:$auth_port body code i workers logins pids=() deadline
  workers=$(sed -n 's/.*"hash_workers":\([0-9]*\).*/\1/p' "$work_dir/auth-service.log" | tail -n 1)
  [[ -n $workers ]] || { say "no hash_workers in auth-service's start-up log"; return 1; }
  logins=$((2 * workers + 2))
  body="{\"email\": \"drain-$run_id@example.com\", \"password\": \"correct horse battery\"}"
  code=$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' -d "$body" "$url/auth/signup")
  [[ $code == 201 ]] || { say "signup before the drain answered $code"; return 1; }
  for ((i = 1; i <= logins; i++)); do
    curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' -d "$body" \
      "$url/auth/login" >"$work_dir/drain-login-$i" &
    pids+=($!)
  done
  deadline=$((SECONDS + 10))
  until (($(logins_in_flight) > workers)); do
    ((SECONDS < deadline)) || { say "never more than $workers logins in flight"; wait "${pids[@]}"; return 1; }
    sleep 0.02
  done
  drains_on_sigterm auth-service || return 1
  wait "${pids[@]}" || true
  for ((i = 1; i <= logins; i++)); do
    code=$(cat "$work_dir/drain-login-$i")
    [[ $code == 200 ]] || { say "a login in flight during the drain answered '$code'"; return 1; }
  done
  sleep 1 # the log follower's last lines
  awk '/shutdown signal received/ { signalled = 1 } signalled && /"route":"\/auth\/login"/ { found = 1 }
       END { exit !found }' "$work_dir/auth-service.log" ||
    { say "no login was answered after the signal: nothing was in flight"; return 1; }
}

image_checks() {
  local name image
  for name in auth-service task-service; do
    image=$(image_of "$name")
    check "$image: no compiler, build tool or -dev package" image_has_no_build_tools "$image"
    check "$image: has sleep (Kubernetes preStop)" image_has_sleep "$image"
  done
  check "todo-auth-service declares HEALTHCHECK and EXPOSE 8001" declares_healthcheck_and_port "$(image_of auth-service)" 8001
  check "todo-task-service declares HEALTHCHECK and EXPOSE 8002" declares_healthcheck_and_port "$(image_of task-service)" 8002
  check "todo-proxy declares HEALTHCHECK and EXPOSE 8080" declares_healthcheck_and_port "$(image_of proxy)" 8080
}

# The Kubernetes probes' requests (deploy/k8s: startup and liveness on
# /healthz, readiness on /readyz), on the service's own port.
answers_probes() {
  local port=$1 path
  for path in /healthz /readyz; do
    [[ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port$path") == 200 ]] ||
      { say "GET $path on port $port did not answer 200"; return 1; }
  done
}

# The proxy never routes the services' internal endpoints (auth-service's
# revocation feed): it answers its own JSON 404, as for /metrics.
proxy_refuses_internal() {
  local path response
  for path in /internal/revocations /internal; do
    response=$(curl -s -w ' %{http_code} %{content_type}' "http://127.0.0.1:$proxy_port$path")
    [[ $response == '{"detail":"Not Found"} 404 application/json' ]] ||
      { say "GET $path through the proxy answered: $response"; return 1; }
  done
}

# The web app built into the image (build.sh: web/build.sh -> build/web ->
# STATIC_ROOT): / is its index.html (no-cache, the app's CSP), a client
# route falls back to it, and the hashed files it loads are cached for a year.
proxy_serves_web_app() {
  local url=http://127.0.0.1:$proxy_port body headers asset
  body=$(curl -s -D "$work_dir/web-index.headers" "$url/") || { say "GET / failed"; return 1; }
  headers=$(tr -d '\r' <"$work_dir/web-index.headers")
  grep -q '^HTTP/1.1 200' <<<"$headers" || { say "GET / answered: $(head -n1 <<<"$headers")"; return 1; }
  grep -qi '^content-type: text/html' <<<"$headers" || { say "GET / is not text/html"; return 1; }
  grep -qi '^cache-control: no-cache$' <<<"$headers" || { say "GET / without Cache-Control: no-cache"; return 1; }
  grep -qi "^content-security-policy: default-src 'self'; script-src 'self';" <<<"$headers" ||
    { say "GET / without the app's Content-Security-Policy"; return 1; }
  grep -Eq '<div id="(root|app)">' <<<"$body" || { say "GET / has no app root element: ${body:0:200}"; return 1; }
  [[ $(curl -s -o /dev/null -w '%{http_code} %{content_type}' "$url/signin") == "200 text/html"* ]] ||
    { say "GET /signin (a client route) did not answer index.html"; return 1; }
  asset=$(grep -oE '/assets/[A-Za-z0-9._-]+\.js' <<<"$body" | head -n1)
  [[ -n $asset ]] || { say "index.html loads no /assets/*.js"; return 1; }
  headers=$(curl -s -o /dev/null -D - "$url$asset" | tr -d '\r')
  grep -q '^HTTP/1.1 200' <<<"$headers" || { say "GET $asset answered: $(head -n1 <<<"$headers")"; return 1; }
  grep -qi '^cache-control: public, max-age=31536000, immutable$' <<<"$headers" ||
    { say "GET $asset without the immutable cache header"; return 1; }
  [[ $(curl -s -o /dev/null -H 'Accept-Encoding: gzip' -w '%header{content-encoding}' "$url$asset") == gzip ]] ||
    { say "GET $asset is not gzipped"; return 1; }
}

running_checks() {
  local name
  for name in "${containers[@]}"; do
    check "$name runs as a non-root user" runs_as_non_root "$name"
    check "$name has a read-only root filesystem" root_filesystem_is_read_only "$name"
  done
  check "auth-service answers the probes' /healthz and /readyz" answers_probes "$auth_port"
  check "task-service answers the probes' /healthz and /readyz" answers_probes "$task_port"
  check "the proxy answers 404 for /internal/ and does not route it" proxy_refuses_internal
  # (A tree without web/ builds an image without an app: nothing to check.)
  [[ ! -f $repo/web/build.sh ]] ||
    check "the proxy serves the built web app at / (index.html, client routes, immutable assets)" proxy_serves_web_app
}

# --- the end-to-end suite ------------------------------------------------------------

run_e2e() {
  "$repo/scripts/npm-ci.sh" "$repo/tests/openapi"
  export E2E_BASE_URL=http://127.0.0.1:$proxy_port
  export E2E_AUTH_LOG=$work_dir/auth-service.log E2E_TASK_LOG=$work_dir/task-service.log
  export E2E_STATE_FILE=$work_dir/e2e-state.json
  local status=0
  (cd "$repo" && node --test --test-reporter=spec tests/e2e/*.test.mjs) || status=$?
  if [[ $status -eq 0 ]]; then pass "end-to-end suite through the proxy container"; else fail "end-to-end suite (status $status)"; fi

  # The web app and /docs in headless Chromium, served by the proxy image.
  status=0
  BROWSER_SCREENSHOT_DIR=$work_dir/screenshots "$repo/tests/browser/run.sh" || status=$?
  if [[ $status -eq 0 ]]; then pass "the web app and /docs in a browser, served by the proxy image"; else fail "browser tests (status $status)"; fi

  # The data lives in PostgreSQL, not in a container: users and tasks
  # survive replacing both service containers.
  status=0
  (cd "$repo" && node --test --test-reporter=dot tests/e2e/persistence/seed.mjs) || status=$?
  check "auth-service answers the logins in flight on SIGTERM, then exits 0" finishes_logins_in_flight_on_sigterm
  check "task-service drains and exits 0 on SIGTERM" drains_on_sigterm task-service
  start_container auth-service
  start_container task-service
  { wait_healthy auth-service && wait_healthy task-service; } || status=1
  (cd "$repo" && node --test --test-reporter=dot tests/e2e/persistence/verify.mjs) || status=$?
  if [[ $status -eq 0 ]]; then pass "users and tasks survive new service containers"; else fail "persistence across new containers"; fi
}

# --- plumbing -------------------------------------------------------------------------

cleanup() {
  local status=$?
  trap - EXIT INT TERM
  remove_containers
  stop_throwaway_postgres "$work_dir/pg"
  if [[ $status -ne 0 || $failures -ne 0 ]]; then
    local name
    for name in "${containers[@]}"; do
      [[ -s $work_dir/$name.log ]] || continue
      say "last lines of $name's log:"
      tail -n 20 "$work_dir/$name.log" >&2
    done
    if [[ -s $work_dir/podman.log ]]; then
      say "last lines podman printed:"
      tail -n 10 "$work_dir/podman.log" >&2
    fi
  fi
  [[ -z $work_dir ]] || rm -rf "$work_dir"
  exit "$status"
}

main() {
  tag=${TAG:-$(sed -n 's/^project([a-z_]* VERSION \([0-9.]*\).*/\1/p' "$repo/CMakeLists.txt")}
  if [[ ${1:-} == --plan ]]; then
    pg_port='<pg-port>' auth_port='<auth-port>' task_port='<task-port>' proxy_port='<proxy-port>'
    auth_db_password='<secret>' task_db_password='<secret>' jwt_secret='<secret>'
    service_jwt_secret='<secret>'
    print_plan
    return 0
  fi
  [[ $# -eq 0 ]] || { echo "usage: test.sh [--plan]" >&2; return 2; }
  local started=$SECONDS
  # shellcheck source=deploy/docker/podman.sh
  source "$docker_dir/podman.sh"
  "$repo/deploy/local/install-deps.sh" --with-containers
  require_podman
  lock_storage

  if [[ ${SKIP_BUILD:-0} != 1 ]]; then
    TAG=$tag "$docker_dir/build.sh"
  fi
  say "images built or present after $((SECONDS - started))s"

  work_dir=$(mktemp -d "${TMPDIR:-/tmp}/todo-containers.XXXXXX")
  chmod 755 "$work_dir"
  trap cleanup EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  auth_port=$(free_port) task_port=$(free_port) proxy_port=$(free_port)
  auth_db_password=$(random_hex 24) task_db_password=$(random_hex 24) jwt_secret=$(random_hex 32)
  service_jwt_secret=$(random_hex 32)

  image_checks
  start_postgres
  start_stack
  say "stack up after $((SECONDS - started))s: proxy on 127.0.0.1:$proxy_port"
  running_checks
  run_e2e

  say "took $((SECONDS - started))s"
  echo "containers: $((checks - failures)) passed, $failures failed"
  [[ $failures -eq 0 ]]
}

main "$@"
