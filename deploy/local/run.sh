#!/usr/bin/env bash
# Runs the whole stack locally with one command: installs what is missing,
# builds Release, starts a private PostgreSQL, auth-service, task-service and
# nginx as the reverse proxy on one port (/auth/ -> auth-service, /api/ ->
# task-service), waits until every part answers, prints the URL and a curl
# example, and shows the logs until Ctrl-C, which stops everything it started.
#
# Usage:
#   deploy/local/run.sh             start, stay in the foreground with the logs
#   deploy/local/run.sh --detach    start in the background and return (for scripts)
#   deploy/local/run.sh stop        stop a stack started either way
#   deploy/local/run.sh status      what runs, where
#   deploy/local/run.sh restart <name>  stops one replica (as `status` names it, e.g.
#                                   auth-service-1) and starts it again; with other
#                                   replicas of its service nginx leaves it out meanwhile
#
# Environment (all optional):
#   TODO_DATA_DIR      state kept between runs: database, secrets, logs   [<repo>/.data]
#   PROXY_PORT         nginx's public port                                [8080]
#   PROXY_ADDRESS      address nginx listens on (0.0.0.0 for the LAN)     [127.0.0.1]
#   AUTH_PORT          auth-service's port                                [8001]
#   TASK_PORT          task-service's port                                [8002]
#   AUTH_REPLICAS      instances of auth-service behind nginx, 1 to 8     [1]
#   TASK_REPLICAS      instances of task-service behind nginx, 1 to 8     [1]
#                      replica k (from 0) listens on AUTH_PORT/TASK_PORT + 100*k and
#                      logs to logs/<service>-k.log (replica 0: logs/<service>.log)
#   PG_PORT            the private PostgreSQL's port                      [5433, or a free one]
#   AUTH_DATABASE_URL  an external database for auth-service instead of the private one
#   TASK_DATABASE_URL  an external database for task-service instead of the private one
#   DB_POOLER          none, or transaction: the services work behind a transaction-mode
#                      pooler; with the private PostgreSQL run.sh starts PgBouncer in
#                      transaction mode in front of it and points the services at it
#                      (DB_POOLER itself reaches the services too)          [none]
#   PGBOUNCER_PORT     that PgBouncer's port (127.0.0.1 only)             [a free one]
#   PGBOUNCER_POOL_SIZE  its server connections per database (default_pool_size) [2]
#   JWT_SECRET / JWT_SECRET_FILE   the signing key   [generated once into <data>/secrets/jwt-secret]
#   SERVICE_JWT_SECRET / SERVICE_JWT_SECRET_FILE   the key of the services' own tokens
#                      (the revocation feed); must differ from the JWT secret
#                      [generated once into <data>/secrets/service-jwt-secret]
#   STATIC_ROOT        a frontend's built files, served at / as they are [unset: web/ is
#                      built by web/build.sh into <data>/www and served from there]
#   BUILD_PRESET       CMake preset to build                              [release]
#   BUILD_DIR          an existing build tree to use instead (e.g. build/dev)
#   SKIP_BUILD=1       use the executables in BUILD_DIR (or build/<preset>) as they are
# task-service replica k gets AUTH_INTERNAL_URL=http://127.0.0.1:<port of auth
# replica k mod AUTH_REPLICAS> (with one of each: $AUTH_PORT): it follows
# auth-service's revocation feed there, directly (nginx never routes /internal/).
# Every other variable of the services (README: Configuration) passes through,
# e.g. LOG_LEVEL=debug, BCRYPT_COST=10 or REVOCATION_FAIL_CLOSED_AFTER=60.
# MAX_BODY_BYTES goes to nginx too.
set -euo pipefail
# Also inside $(...): a failed build in build_dir=$(build) must stop run.sh,
# not leave it running stale executables.
shopt -s inherit_errexit

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
readonly repo
cd "$repo"
# shellcheck source=scripts/lib.sh
source "$repo/scripts/lib.sh"

data_dir=$(realpath -m "${TODO_DATA_DIR:-$repo/.data}")
readonly data_dir
readonly run_dir=$data_dir/run log_dir=$data_dir/logs secrets_dir=$data_dir/secrets
readonly pg_dir=$data_dir/postgres nginx_dir=$data_dir/nginx docs_dir=$data_dir/docs-site

readonly proxy_port=${PROXY_PORT:-8080}
readonly proxy_address=${PROXY_ADDRESS:-127.0.0.1}
# Not readonly: `status`, `stop` and `restart` take the running stack's own
# from its run state (lib/replicas.sh).
auth_port=${AUTH_PORT:-8001}
task_port=${TASK_PORT:-8002}
auth_replicas=${AUTH_REPLICAS:-1}
task_replicas=${TASK_REPLICAS:-1}
readonly max_body_bytes=${MAX_BODY_BYTES:-65536}
readonly build_preset=${BUILD_PRESET:-release}
pg_bin=${PG_BIN:-$(pg_bin)}
readonly pg_bin
readonly static_root=${STATIC_ROOT:-$data_dir/www}
# web/ is built into <data>/www unless the caller brought a frontend of their own.
build_web_app=1
[[ -z ${STATIC_ROOT:-} ]] || build_web_app=0
readonly build_web_app
# How long a service's SIGTERM drain may take (SHUTDOWN_GRACE_SECONDS, default 20), plus margin.
readonly service_stop_seconds=$((${SHUTDOWN_GRACE_SECONDS:-20} + 10))

owns_stack=0 # 1 while this invocation is responsible for stopping what runs
follower_pid=""

say() { echo "run.sh: $*" >&2; }
die() {
  say "$*"
  exit 1
}

# shellcheck source=deploy/local/lib/processes.sh
source "$repo/deploy/local/lib/processes.sh"
# shellcheck source=deploy/local/lib/postgres.sh
source "$repo/deploy/local/lib/postgres.sh"
# shellcheck source=deploy/local/lib/pgbouncer.sh
source "$repo/deploy/local/lib/pgbouncer.sh"
# shellcheck source=deploy/local/lib/replicas.sh
source "$repo/deploy/local/lib/replicas.sh"
# shellcheck source=deploy/local/lib/proxy.sh
source "$repo/deploy/local/lib/proxy.sh"

# --- small helpers -------------------------------------------------------------

# write_secret <file> <value>: readable by its owner only, written atomically.
write_secret() {
  (umask 077 && printf '%s' "$2" >"$1.tmp" && mv "$1.tmp" "$1")
}

uses_private_postgres() {
  [[ -z ${AUTH_DATABASE_URL:-} || -z ${TASK_DATABASE_URL:-} ]]
}

proxy_url() {
  local host=$proxy_address
  [[ $host != 0.0.0.0 ]] || host=127.0.0.1
  echo "http://$host:$proxy_port"
}

# The state of the running stack, for `status` and for a second run.sh.
state_get() {
  sed -n "s/^$1=//p" "$run_dir/state" 2>/dev/null || true
}

# --- preparation ---------------------------------------------------------------

prepare_directories() {
  # Someone else's data directory would end up with files they cannot
  # change (or a database owned by the wrong user): refuse before touching it.
  local owner
  mkdir -p "$data_dir"
  owner=$(stat -c %U "$data_dir")
  [[ $owner == "$(id -un)" ]] ||
    die "$data_dir belongs to $owner; run as $owner, or set TODO_DATA_DIR to a directory of your own."
  pg_check_ownership
  mkdir -p "$run_dir" "$log_dir" "$nginx_dir" "$docs_dir"
  (umask 077 && mkdir -p "$secrets_dir")
  if [[ $(id -u) -eq 0 ]]; then
    # postgres (the database) and nobody (nginx's workers) must reach their
    # files in here; a data directory under a private home cannot work.
    chmod 755 "$data_dir" "$log_dir" "$nginx_dir"
    local user
    for user in postgres nobody; do
      runuser -u "$user" -- test -x "$data_dir" 2>/dev/null ||
        die "$data_dir is not reachable by the '$user' user (a parent directory is private)." \
          "Set TODO_DATA_DIR to a directory under /srv or /var/tmp, or run as a normal user."
    done
  fi
}

# A stack in this data directory already running (even partly): say so, with
# where it is, rather than failing later on a busy port.
refuse_if_running() {
  local parts=() name pid
  if pid=$(running_pid supervisor run.sh); then parts+=("run.sh (pid $pid)"); fi
  for name in $(replica_pid_names) nginx pgbouncer; do
    if pid=$(running_pid "$name"); then parts+=("$name (pid $pid)"); fi
  done
  if pg_is_running; then parts+=("postgres"); fi
  [[ ${#parts[@]} -eq 0 ]] && return 0
  say "the stack in $data_dir is already running: ${parts[*]}."
  [[ -z $(state_get url) ]] || say "It answers at $(state_get url)."
  die "Stop it first with: deploy/local/run.sh stop   (or use another TODO_DATA_DIR and ports)"
}

# Busy ports are found before the build, with the owner named; so is a
# port given to two parts (a replica's AUTH_PORT + 100 that is TASK_PORT).
check_ports() {
  local entry variable label port entries=("PROXY_PORT|PROXY_PORT|$proxy_port") replicas
  mapfile -t replicas < <(replica_ports_to_check)
  entries+=("${replicas[@]}")
  if uses_pgbouncer && [[ -n ${PGBOUNCER_PORT:-} ]]; then
    entries+=("PGBOUNCER_PORT|PGBOUNCER_PORT|$PGBOUNCER_PORT")
  fi
  if uses_private_postgres && [[ -n ${PG_PORT:-} ]]; then entries+=("PG_PORT|PG_PORT|$PG_PORT"); fi
  local -A owner=()
  for entry in "${entries[@]}"; do
    IFS='|' read -r variable label port <<<"$entry"
    [[ $port =~ ^[0-9]{1,5}$ ]] || die "$label must be a port number, not '$port'"
    ((port <= 65535)) || die "$label would be $port, past 65535: set a lower $variable"
    [[ -z ${owner[$port]:-} ]] || die "port $port is both ${owner[$port]} and $label: set another $variable"
    owner[$port]=$label
    if port_in_use "$port"; then
      die "port $port ($label) is already in use: $(port_user "$port")." \
        "Set $variable to another port, e.g. $variable=$(free_port) deploy/local/run.sh"
    fi
  done
}

choose_pg_port() {
  if [[ -n ${PG_PORT:-} ]]; then
    ! port_in_use "$PG_PORT" || die "PG_PORT $PG_PORT is already in use: $(port_user "$PG_PORT")"
    echo "$PG_PORT"
  elif ! port_in_use 5433; then
    echo 5433
  else
    free_port
  fi
}

install_dependencies() {
  "$repo/deploy/local/install-deps.sh"
}

# Prints the build tree holding both executables, building them first
# (unless SKIP_BUILD=1).
build() {
  local dir=${BUILD_DIR:-}
  if [[ ${SKIP_BUILD:-0} == 1 ]]; then
    dir=${dir:-build/$build_preset}
    [[ $dir == /* ]] || dir=$repo/$dir
    say "using the executables in $dir as they are (SKIP_BUILD=1)"
  elif [[ -n $dir ]]; then
    [[ $dir == /* ]] || dir=$repo/$dir
    say "building auth-service and task-service in $dir"
    cmake --build "$dir" -j"$(nproc)" --target auth-service task-service >&2
  else
    dir=$repo/build/$build_preset
    say "building auth-service and task-service (preset $build_preset)"
    cmake --preset "$build_preset" >&2
    cmake --build --preset "$build_preset" -j"$(nproc)" --target auth-service task-service >&2
  fi
  echo "$dir"
}

# configure_secret <NAME> <file> <what>: the key in NAME or NAME_FILE when
# the caller set either, else one generated on the first run into
# <data>/secrets/<file> and kept there (so tokens stay valid across
# restarts), passed to both services as NAME_FILE.
configure_secret() {
  local name=$1 file_name=${1}_FILE file=$secrets_dir/$2
  if [[ -n ${!name:-} || -n ${!file_name:-} ]]; then
    return 0
  fi
  if [[ ! -s $file ]]; then
    say "generating $3 into $file"
    write_secret "$file" "$(random_hex 48)"
  fi
  export "$file_name=$file"
}

# secret_value <NAME>: the key a service reads from NAME, or from the file
# NAME_FILE names (less one trailing newline, as the services read it).
secret_value() {
  local name=$1 file_name=${1}_FILE value
  if [[ -n ${!name:-} ]]; then
    printf '%s' "${!name}"
    return 0
  fi
  value=$(cat -- "${!file_name}" && echo .) || return 1
  value=${value%.}
  printf '%s' "${value%$'\n'}"
}

# The signing key of the users' tokens and the key of the services' own
# tokens (auth-service's revocation feed). A service token must never pass
# for a user's token or the other way round, so the two keys must differ.
configure_secrets() {
  configure_secret JWT_SECRET jwt-secret "a JWT secret"
  configure_secret SERVICE_JWT_SECRET service-jwt-secret "a service token secret"
  local jwt service
  jwt=$(secret_value JWT_SECRET) || die "cannot read JWT_SECRET_FILE ($JWT_SECRET_FILE)"
  service=$(secret_value SERVICE_JWT_SECRET) ||
    die "cannot read SERVICE_JWT_SECRET_FILE ($SERVICE_JWT_SECRET_FILE)"
  [[ $service != "$jwt" ]] ||
    die "SERVICE_JWT_SECRET is the JWT secret; the two keys must differ" \
      "(unset SERVICE_JWT_SECRET and SERVICE_JWT_SECRET_FILE to have one generated)"
}

# The API docs at /docs, when the project has a docs site builder.
build_docs() {
  [[ -x $repo/docs/site/build.sh ]] || return 0
  say "building the API docs into $docs_dir"
  "$repo/docs/site/build.sh" "$docs_dir" >"$log_dir/docs-build.log" 2>&1 9>&- ||
    say "WARNING: the docs build failed, /docs will be empty (see $log_dir/docs-build.log)"
}

# The frontend at / (web/, TypeScript + React built by Vite into index.html and
# assets/): rebuilt on every start, so what runs is what the tree holds. A
# failed build leaves the previous one (or nothing: / answers 404) and says so.
build_web() {
  [[ $build_web_app -eq 1 && -x $repo/web/build.sh ]] || return 0
  say "building the web app into $static_root (log: $log_dir/web-build.log)"
  local started=$SECONDS
  if "$repo/web/build.sh" "$static_root" >"$log_dir/web-build.log" 2>&1 9>&-; then
    say "built the web app in $((SECONDS - started))s"
  else
    say "WARNING: the web app's build failed; / serves" \
      "$([[ -f $static_root/index.html ]] && echo "the previous build" || echo "nothing (404)")." \
      "The API, /docs and curl work as usual. See $log_dir/web-build.log:"
    tail -n 5 "$log_dir/web-build.log" >&2
  fi
}

# --- starting --------------------------------------------------------------------

start_databases() {
  auth_database_url=${AUTH_DATABASE_URL:-}
  task_database_url=${TASK_DATABASE_URL:-}
  uses_private_postgres || return 0
  local port services_port
  port=$(choose_pg_port)
  pg_init
  pg_start "$port"
  pg_ensure_databases "$port"
  echo "pg_port=$port" >>"$run_dir/state"
  # The services reach the private cluster directly, or through PgBouncer.
  services_port=$port
  if uses_pgbouncer; then
    pgbouncer_start "$port"
    services_port=$pgbouncer_port
  fi
  [[ -n $auth_database_url ]] || auth_database_url=$(pg_url todo_auth "$services_port")
  [[ -n $task_database_url ]] || task_database_url=$(pg_url todo_tasks "$services_port")
}

# start_replica <service> <k> <binary> <database url> [NAME=value...]: replica
# k of the service; the NAME=values are that service's own settings. Its
# executable and environment are recorded for `restart` (lib/replicas.sh).
start_replica() {
  local service=$1 k=$2 binary=$3 url=$4 name port port_variable=AUTH_PORT
  shift 4
  name=$(replica_name "$service" "$k")
  port=$(replica_port "$service" "$k")
  [[ $service == auth-service ]] || port_variable=TASK_PORT
  say "starting $name on 127.0.0.1:$port"
  (
    # Exported in this subshell only, so no URL with a password ends up in
    # a command line, and each service sees only its own database.
    export DATABASE_URL=$url AUTH_PORT=$auth_port TASK_PORT=$task_port
    # shellcheck disable=SC2163  # exports the NAME=value words themselves
    export "$port_variable=$port" "$@"
    export MAX_BODY_BYTES=$max_body_bytes
    # Reached only through nginx on this machine: the services (and their
    # /metrics) are not exposed to the network beside the proxy.
    export BIND_ADDRESS=127.0.0.1
    # The proxy connects from loopback; only it may set X-Forwarded-For.
    export TRUSTED_PROXIES=${TRUSTED_PROXIES:-127.0.0.1/32,::1/128}
    unset AUTH_DATABASE_URL TASK_DATABASE_URL
    save_launch_record "$name" "$binary"
    launch "$name" "$(replica_log "$name")" "$binary"
  )
}

# wait_replica_ready <name> <seconds>: /readyz on its own port answers 200.
# Migrations run at start-up, so ready means migrated and connected.
wait_replica_ready() {
  local name=$1 pid
  pid=$(head -n1 "$(pid_file "$name")")
  wait_for_http "$name" "$pid" "$(process_word "$name")" \
    "http://127.0.0.1:$(replica_port_of "$name")/readyz" 200 "$2" "$(replica_log "$name")"
}

# Every replica at once: each runs the migrations at start-up, and they are
# serialised by an advisory lock in the database, so that is safe.
start_services() {
  local build_dir=$1 k name
  for ((k = 0; k < auth_replicas; k++)); do
    start_replica auth-service "$k" "$build_dir/auth-service/auth-service" "$auth_database_url"
  done
  # task-service follows auth-service's revocation feed (/internal/) on
  # loopback, not through nginx, which never routes /internal/: replica k
  # that of auth replica k mod AUTH_REPLICAS.
  for ((k = 0; k < task_replicas; k++)); do
    start_replica task-service "$k" "$build_dir/task-service/task-service" "$task_database_url" \
      AUTH_INTERNAL_URL="$(feed_url "$k")"
  done
  for name in $(replica_names auth-service) $(replica_names task-service); do
    wait_replica_ready "$name" 90
  done
}

start_proxy() {
  say "starting nginx on $proxy_address:$proxy_port"
  nginx_command
  launch nginx "$log_dir/nginx.log" "${nginx_args[@]}"
  # Ready means both routes reach their service: without a token each
  # answers the API's 401, which only the service itself produces.
  local pid
  pid=$(head -n1 "$(pid_file nginx)")
  wait_for_http nginx "$pid" nginx "$(proxy_url)/auth/me" 401 30 "$log_dir/nginx.log"
  wait_for_http nginx "$pid" nginx "$(proxy_url)/api/tasks" 401 30 "$log_dir/nginx.log"
}

print_banner() {
  local url docs="" open services
  services="auth-service :$(replica_ports auth-service), task-service :$(replica_ports task-service)"
  url=$(proxy_url)
  [[ -z $pgbouncer_port ]] || services+=", their databases through PgBouncer :$pgbouncer_port"
  [[ ! -f $docs_dir/index.html ]] || docs="API docs: $url/docs   "
  if [[ -f $static_root/index.html ]]; then
    open="Open $url in a browser: sign up, then add your tasks."
  else
    open="No web app in $static_root (/ answers 404): use the API."
  fi
  cat >&2 <<EOF

  The stack is up at $url  ($services)

  $open

  Or try the API:
    curl -si $url/auth/signup -H 'Content-Type: application/json' \\
         -d '{"email": "ada@example.com", "password": "correct horse battery"}'
    curl -s $url/auth/login --data-urlencode 'username=ada@example.com' \\
         --data-urlencode 'password=correct horse battery'

  ${docs}More examples: README.md.  Logs: $log_dir
  Stop: $1

EOF
}

# Shows the logs of every part, each line prefixed with its source. sed -u
# because it streams line by line (mawk, Debian's awk, buffers its input);
# it remembers the file from tail's "==> file <==" headers in the hold space.
# Ctrl-C is ignored here so the follower still shows the parts shutting down;
# run.sh ends it afterwards (and tail's --pid ends it if run.sh is killed).
# The prefix is as wide as the longest log's name (auth-service-1).
follow_logs() {
  local files=("$log_dir/postgres.log") name width=12 padding
  for name in $(replica_names auth-service) $(replica_names task-service); do
    files+=("$(replica_log "$name")")
    ((${#name} <= width)) || width=${#name}
  done
  files+=("$log_dir/nginx.log")
  ! uses_pgbouncer || files+=("$log_dir/pgbouncer.log")
  printf -v padding '%*s' "$width" ''
  touch "${files[@]}"
  (
    trap '' INT
    exec tail -n 0 -F --pid=$$ "${files[@]}" 2>/dev/null 9>&- > >(exec sed -u -n \
      -e "s/^==> .*\/\([^/]*\)\.log <==\$/\1$padding/" -e 't header' -e '/^$/d' \
      -e 'G; s/^\(.*\)\n\(.*\)$/\2 | \1/p; d' \
      -e ':header' -e "s/^\(.\{$width\}\).*/\1/; h; d")
  ) &
  follower_pid=$!
}

# Stays in the foreground while every part runs; one dying ends the stack.
# A replica that `restart` is restarting (run/<name>.restarting) is left alone.
supervise() {
  local name pid names
  mapfile -t names < <(replica_names auth-service && replica_names task-service)
  names+=(nginx)
  ! uses_pgbouncer || names+=(pgbouncer)
  while true; do
    for name in "${names[@]}"; do
      [[ ! -e $run_dir/$name.restarting ]] || continue
      if ! pid=$(running_pid "$name"); then
        say "$name stopped unexpectedly"
        show_log_tail "$name" "$log_dir/$name.log"
        exit 1
      fi
    done
    if uses_private_postgres && ! pg_is_running; then
      say "PostgreSQL stopped unexpectedly (log: $log_dir/postgres.log)"
      exit 1
    fi
    # In the background so the INT/TERM trap runs at once, not after sleep.
    sleep 2 &
    wait $! || true
  done
}

stop_components() {
  stop_process nginx QUIT 15
  # Every replica drains in parallel: each may take its grace period. (Not a
  # bare `wait`: that would also wait for the log follower.)
  local name stoppers=()
  for name in $(replica_pid_names); do
    stop_process "$name" TERM "$(replica_stop_seconds "$name")" &
    stoppers+=("$!")
  done
  ((${#stoppers[@]} == 0)) || wait "${stoppers[@]}" || true
  pgbouncer_stop
  pg_stop
  rm -rf "$run_dir/state" "$run_dir"/*.log-start "$run_dir"/*.restarting "$run_dir/launch" \
    "$run_dir/proxy.env"
}

on_exit() {
  local status=$?
  trap - EXIT INT TERM
  if [[ $owns_stack -eq 1 ]]; then
    stop_components
    rm -f "$(pid_file supervisor)"
    say "stopped"
  fi
  if [[ -n $follower_pid ]]; then
    sleep 0.5 # let the parts' last lines reach the terminal
    kill "$follower_pid" 2>/dev/null || true
  fi
  exit "$status"
}

start_command() {
  local detach=$1 build_dir
  prepare_directories
  exec 9>>"$run_dir/lock"
  flock -n 9 || die "another deploy/local/run.sh is starting or stopping the stack in $data_dir"
  refuse_if_running
  pgbouncer_check_settings
  replicas_check_settings
  check_ports
  # Before the build, so keys that cannot work stop run.sh at once.
  configure_secrets
  # From here on, whatever starts is ours to stop on failure or Ctrl-C.
  owns_stack=1
  echo $$ >"$(pid_file supervisor)"
  : >"$run_dir/state"
  replicas_save_state

  install_dependencies
  build_dir=$(build)
  [[ -x $build_dir/auth-service/auth-service && -x $build_dir/task-service/task-service ]] ||
    die "no auth-service/task-service executables in $build_dir"
  build_docs
  build_web
  render_proxy_config

  [[ $detach -eq 1 ]] || follow_logs
  start_databases
  start_services "$build_dir"
  start_proxy
  echo "url=$(proxy_url)" >>"$run_dir/state"

  if [[ $detach -eq 1 ]]; then
    print_banner "deploy/local/run.sh stop"
    owns_stack=0
    rm -f "$(pid_file supervisor)"
    exit 0
  fi
  print_banner "Ctrl-C (or deploy/local/run.sh stop from another shell)"
  exec 9>&- # the lock is for starting and stopping, not for running
  supervise
}

stop_command() {
  local pid
  if [[ ! -d $run_dir ]]; then
    say "nothing runs from $data_dir"
    return 0
  fi
  # A foreground run.sh stops its own stack in order; ask it to.
  if pid=$(running_pid supervisor run.sh); then
    say "asking run.sh (pid $pid) to stop the stack"
    kill -s TERM "$pid" 2>/dev/null || true
    wait_gone "$pid" run.sh $((service_stop_seconds + 90)) || say "run.sh (pid $pid) did not finish"
  fi
  exec 9>>"$run_dir/lock"
  flock -w 120 9 || die "another run.sh holds $run_dir/lock; try again"
  stop_components
  say "stopped"
}

# restart <name>: one replica stopped (SIGTERM: it drains) and started again
# as run.sh started it (lib/replicas.sh), waiting for its /readyz. While its
# service has other replicas, nginx is reloaded without it first and with it
# again once it is ready, so it receives nothing while it is away and no
# client sees a failure; a service's only replica is simply away for those
# seconds (nginx answers 503).
restart_command() {
  local name=${1:-} service others=0
  [[ -n $name ]] || { usage >&2; exit 2; }
  [[ -f $run_dir/state ]] || die "no stack runs from $data_dir"
  exec 9>>"$run_dir/lock"
  flock -w 120 9 || die "another run.sh holds $run_dir/lock; try again"
  replicas_use_state
  service=$(replica_service "$name") ||
    die "'$name' is no replica of this stack; its replicas are:" \
      "$(replica_names auth-service | tr '\n' ' ')$(replica_names task-service | tr '\n' ' ')"
  (($(replica_count "$service") == 1)) || others=1
  touch "$run_dir/$name.restarting"
  if ((others == 1)); then
    say "taking $name out of nginx's upstreams"
    render_proxy "$name" || die "could not render nginx's configuration without $name"
    reload_proxy || die "could not reload nginx without $name"
  fi
  stop_process "$name" TERM "$(replica_stop_seconds "$name")"
  say "starting $name on 127.0.0.1:$(replica_port_of "$name")"
  relaunch "$name"
  # On failure the marker stays: a foreground run.sh keeps the rest running.
  wait_replica_ready "$name" 90 ||
    die "$name did not become ready again; fix it and run: deploy/local/run.sh restart $name"
  rm -f "$run_dir/$name.restarting"
  if ((others == 1)); then
    say "putting $name back into nginx's upstreams"
    render_proxy "" || die "could not render nginx's configuration with $name"
    reload_proxy || die "could not reload nginx with $name"
  fi
  say "restarted $name"
}

status_command() {
  local name pid running=0 total=1 where
  echo "data directory: $data_dir"
  replicas_use_state
  for name in $(replica_names auth-service) $(replica_names task-service) nginx; do
    where=""
    [[ $name == nginx ]] || { where=", 127.0.0.1:$(replica_port_of "$name")" && total=$((total + 1)); }
    if pid=$(running_pid "$name"); then
      printf '  %-13s running (pid %s%s)\n' "$name" "$pid" "$where"
      running=$((running + 1))
    else
      printf '  %-13s stopped\n' "$name"
    fi
  done
  local pgbouncer=0
  pgbouncer_status || pgbouncer=$?
  ((pgbouncer == 2)) || total=$((total + 1))
  ((pgbouncer != 0)) || running=$((running + 1))
  if [[ -f $pg_data/PG_VERSION ]]; then
    total=$((total + 1))
    if pg_is_running; then
      printf '  %-13s running (127.0.0.1:%s)\n' postgres "$(pg_configured_port)"
      running=$((running + 1))
    else
      printf '  %-13s stopped\n' postgres
    fi
  fi
  [[ -z $(state_get url) || $running -eq 0 ]] || echo "url: $(state_get url)"
  ((running == total)) && return 0
  ((running == 0)) && return 3
  return 1
}

usage() {
  sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'
}

main() {
  trap on_exit EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  case "${1:-}" in
    "") start_command 0 ;;
    --detach | -d) start_command 1 ;;
    stop) stop_command ;;
    status) status_command ;;
    restart) restart_command "${2:-}" ;;
    -h | --help | help) usage ;;
    *) usage >&2; exit 2 ;;
  esac
}

main "$@"
