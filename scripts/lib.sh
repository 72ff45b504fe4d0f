# shellcheck shell=bash
# Helpers the project's shell scripts share, written once. Sourced, never
# run; the caller keeps its own `set -euo pipefail`. Source it by a path
# relative to the script itself, so any working directory works, e.g. from
# tests/e2e/run.sh:
#
#   # shellcheck source=scripts/lib.sh
#   source "$(dirname "${BASH_SOURCE[0]}")/../../scripts/lib.sh"
#
# Only functions, no state: sourcing it twice is harmless. Every function
# returns its failure rather than relying on errexit, because bash clears
# errexit inside $(...) (functions called as `port=$(free_port)` must still
# fail). Messages go to stderr; stdout carries only what a function prints
# as its result.
#
#   free_port                       a TCP port nobody listens on right now
#   replica_port_step               how far apart a service's replicas' ports are (100)
#   free_ports <replicas>...        distinct free ports, each with room for that many replicas
#   random_hex <bytes>              <bytes> random bytes as lowercase hex
#   wait_for_url <url> <seconds>    until the URL answers 2xx or 3xx
#   pg_bin                          PostgreSQL 15's program directory
#   as_pg <command...>              runs a command as the PostgreSQL owner
#   pg_own <path...>                hands paths to that owner (when root)
#   start_throwaway_postgres [--passwords] <dir> [<setting>...]
#   stop_throwaway_postgres <dir>
#   throwaway_postgres_restart_command <dir>
#   throwaway_stack_env <data dir>  the environment for a private deploy/local/run.sh
#   pgbouncer_ini <port> <auth type> <auth file> <databases> [<setting>...]
#                                   a transaction-mode PgBouncer configuration
#   start_throwaway_pgbouncer <dir> <pg port> [<setting>...]
#   stop_throwaway_pgbouncer <dir>
#   run_timed <array> <name> <command...>  runs a step, adds "name: ok (12s)" to <array>

# run_timed <array> <name> <command...>: runs the command and appends its
# outcome and what it cost to the caller's array named <array>, e.g.
# "tidy: ok (231s)" or "e2e: FAILED (1, 95s)"; returns the command's status.
# For scripts that end with one line summing up their steps.
run_timed() {
  local -n run_timed_results=$1
  local name=$2 status=0 started=$SECONDS
  shift 2
  "$@" || status=$?
  if [[ $status -eq 0 ]]; then
    run_timed_results+=("$name: ok ($((SECONDS - started))s)")
  else
    run_timed_results+=("$name: FAILED ($status, $((SECONDS - started))s)")
  fi
  return "$status"
}

# free_port: asks the kernel for a port nobody uses right now (bound on
# 127.0.0.1, then released). Another process may take it before the
# caller does; on a test machine that is rare enough.
free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# replica_port_step: replica k of a service listens on its port + k times
# this (deploy/local/run.sh's AUTH_REPLICAS and TASK_REPLICAS), so replica 0
# keeps the port a single instance has.
replica_port_step() {
  echo 100
}

# free_ports <replicas>...: one port for each argument, printed on one line,
# each free together with the ports of that many replicas (port + k *
# replica_port_step, k < replicas), and none of them equal to another's.
# Like free_port, another process may take one before the caller does.
free_ports() {
  python3 - "$(replica_port_step)" "$@" <<'PYTHON'
import socket, sys

step, wanted = int(sys.argv[1]), [int(n) for n in sys.argv[2:]]

def bindable(port):
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", port))
            return True
        except OSError:
            return False

def kernel_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]

taken, chosen = set(), []
for replicas in wanted:
    for _ in range(200):
        base = kernel_port()
        ports = [base + k * step for k in range(replicas)]
        if ports[-1] <= 65535 and not taken & set(ports) and all(map(bindable, ports[1:])):
            break
    else:
        sys.exit(f"free_ports: no free port with room for {replicas} replicas")
    taken.update(ports)
    chosen.append(str(base))
print(" ".join(chosen))
PYTHON
}

# random_hex <bytes>: secrets and passwords. Hex, so the value needs no
# quoting in a URL, a config file or a sed replacement.
random_hex() {
  od -An -N"$1" -tx1 /dev/urandom | tr -d ' \n'
}

# wait_for_url <url> <seconds>: polls until the URL answers a status below
# 400; fails when it has not within <seconds>. For a process that must
# also be watched while it starts, deploy/local/lib/processes.sh has
# wait_for_http.
wait_for_url() {
  local url=$1 deadline=$((SECONDS + $2))
  until curl -fs -o /dev/null --max-time 2 "$url" 2>/dev/null; do
    ((SECONDS < deadline)) || return 1
    sleep 0.1
  done
}

# pg_bin: where Debian's postgresql-15 package (deploy/local/install-deps.sh)
# keeps initdb, pg_ctl, psql and pgbench; they are not on PATH.
pg_bin() {
  echo /usr/lib/postgresql/15/bin
}

# as_pg <command...>: PostgreSQL refuses to run as root, so root runs its
# programs as the `postgres` OS user; anyone else runs them as themselves.
as_pg() {
  if [[ $(id -u) -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

# pg_own <path...>: as root, gives the paths to `postgres` (see as_pg),
# which must create and write files in them.
pg_own() {
  [[ $(id -u) -ne 0 ]] || chown postgres: "$@"
}

# start_throwaway_postgres [--passwords] <dir> [<setting>...]: a private
# PostgreSQL 15 for tests and benchmarks, not the machine's: callers create
# and drop databases and restart it at will. Prints its port.
#
# <dir> (created when missing) holds the cluster in data/, initdb.log,
# postgres.log and the Unix socket; the caller removes it after
# stop_throwaway_postgres. The server listens on 127.0.0.1 only, with
# durability switched off because the data is thrown away. Logins as the
# superuser `postgres` are trusted on the socket and on loopback; with
# --passwords, TCP logins need the role's password (scram-sha-256), as in
# production. Each <setting> is a postgresql.conf line, e.g.
# 'max_connections = 300'.
start_throwaway_postgres() {
  local host_auth=trust
  if [[ ${1:-} == --passwords ]]; then
    host_auth=scram-sha-256
    shift
  fi
  local dir=$1 port setting
  shift
  mkdir -p "$dir" && pg_own "$dir" || return 1
  # The C.UTF-8 locale whatever the caller's environment: the same server
  # on every machine (the services compare titles with COLLATE "C" anyway).
  as_pg "$(pg_bin)/initdb" -D "$dir/data" -U postgres --auth-local=trust --auth-host="$host_auth" \
    -E UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1 ||
    { cat "$dir/initdb.log" >&2; return 1; }
  port=$(free_port) || return 1
  # In postgresql.conf rather than `-o "-c ..."`: no quoting of the path, and
  # `pg_ctl restart` keeps them without being told again. initdb's
  # pg_hba.conf already admits only the local socket and loopback.
  {
    echo "port = $port"
    echo "listen_addresses = '127.0.0.1'"
    echo "unix_socket_directories = '$dir'"
    echo "fsync = off"
    echo "synchronous_commit = off"
    echo "full_page_writes = off"
    for setting in "$@"; do echo "$setting"; done
  } >>"$dir/data/postgresql.conf" || return 1
  # 8>&- 9>&-: the server must not inherit the callers' lock files
  # (deploy/docker/podman.sh's storage lock, deploy/local/run.sh's lock).
  as_pg "$(pg_bin)/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w -t 60 -s start 8>&- 9>&- ||
    { tail -n 30 "$dir/postgres.log" >&2; return 1; }
  echo "$port"
}

# stop_throwaway_postgres <dir>: stops the server at once (nothing in it is
# kept). Harmless when <dir> is empty or nothing runs there, so cleanup
# traps can call it unconditionally.
stop_throwaway_postgres() {
  [[ -n ${1:-} && -f $1/data/postmaster.pid ]] || return 0
  as_pg "$(pg_bin)/pg_ctl" -D "$1/data" -m immediate -s stop >/dev/null 2>&1 || true
}

# throwaway_postgres_restart_command <dir>: a shell command line that
# restarts the server and waits until it is up, for programs that cannot
# call these functions (tests/run.sh exports it as TEST_PG_RESTART).
throwaway_postgres_restart_command() {
  local command=()
  [[ $(id -u) -ne 0 ]] || command=(runuser -u postgres --)
  command+=("$(pg_bin)/pg_ctl" -D "$1/data" -l "$1/postgres.log" -w -t 60 -s -m fast restart)
  printf '%q ' "${command[@]}"
}

# throwaway_stack_env <data dir>: exports what makes deploy/local/run.sh run
# a private stack in <data dir> on free ports, so a developer's own stack
# on 8080 is left alone: TODO_DATA_DIR, PROXY_PORT, AUTH_PORT, TASK_PORT,
# PG_PORT, PGBOUNCER_PORT (used only with DB_POOLER=transaction), all
# distinct, AUTH_PORT and TASK_PORT with their replicas' ports free too
# (the caller's AUTH_REPLICAS and TASK_REPLICAS, 1 each by default). It
# always uses the private database and generated secrets (the
# JWT secret and the service token secret) in <data dir>, and run.sh's own
# AUTH_INTERNAL_URL, whatever the caller's shell holds (callers rely on
# them being there, e.g. tests/e2e/run.sh's persistence check).
throwaway_stack_env() {
  # As root, PostgreSQL (postgres) and nginx's workers (nobody) work in here.
  chmod 755 "$1" || return 1
  export TODO_DATA_DIR=$1
  local ports
  ports=$(free_ports 1 "${AUTH_REPLICAS:-1}" "${TASK_REPLICAS:-1}" 1 1) || return 1
  read -r PROXY_PORT AUTH_PORT TASK_PORT PG_PORT PGBOUNCER_PORT <<<"$ports"
  export PROXY_PORT AUTH_PORT TASK_PORT PG_PORT PGBOUNCER_PORT
  unset AUTH_DATABASE_URL TASK_DATABASE_URL JWT_SECRET JWT_SECRET_FILE SERVICE_JWT_SECRET \
    SERVICE_JWT_SECRET_FILE AUTH_INTERNAL_URL PROXY_ADDRESS
}

# pgbouncer_ini <port> <auth type> <auth file> <databases> [<setting>...]:
# prints a PgBouncer configuration in transaction mode (the mode of
# PgBouncer and Neon's pooled endpoints that DB_POOLER=transaction is for:
# each transaction may run on another server connection) listening on
# 127.0.0.1:<port> only. <databases> is the [databases] section's body;
# each <setting> is one more line of the [pgbouncer] section (a later line
# wins), e.g. 'default_pool_size = 2'.
pgbouncer_ini() {
  local port=$1 auth_type=$2 auth_file=$3 databases=$4 setting
  shift 4
  printf '[databases]\n%s\n\n[pgbouncer]\n' "$databases"
  # No Unix socket: it would default to /tmp/.s.PGSQL.<port>, shared by
  # everyone on the machine (and Debian's own pgbouncer service).
  # server_login_retry: after a failed server login (PostgreSQL restarting)
  # PgBouncer refuses every client for that long; 15 s by default.
  printf '%s\n' "listen_addr = 127.0.0.1" "listen_port = $port" "unix_socket_dir =" \
    "auth_type = $auth_type" "auth_file = $auth_file" "pool_mode = transaction" \
    "server_login_retry = 1"
  for setting in "$@"; do echo "$setting"; done
}

# pgbouncer_user_option: PgBouncer refuses to run as root; as root it is
# told to become the PostgreSQL owner (see as_pg) with -u, which it does
# after reading its configuration and auth file, so those may stay root's.
pgbouncer_user_option() {
  [[ $(id -u) -ne 0 ]] || printf '%s\n' -u postgres
}

# start_throwaway_pgbouncer <dir> <pg port> [<setting>...]: a PgBouncer in
# transaction mode in front of a throwaway PostgreSQL on 127.0.0.1:<pg port>
# (start_throwaway_postgres without --passwords), for tests of the services
# behind a pooler. Prints its port. Any database of that server is reachable
# through it by its name (the wildcard entry), as any role of the server:
# logins are trusted, and roles are looked up in the server (auth_user), so
# a test may create its own. 2 server connections per database and role
# (default_pool_size), so consecutive transactions of one client really move
# between server connections; at most 500 clients. Each <setting> is a
# [pgbouncer] line that overrides these, e.g. 'default_pool_size = 4'.
# <dir> (created when missing) holds pgbouncer.ini, users.txt,
# pgbouncer.log and pgbouncer.pid; the caller removes it after
# stop_throwaway_pgbouncer.
start_throwaway_pgbouncer() {
  local dir=$1 pg_port=$2 port user_option
  shift 2
  mkdir -p "$dir" && port=$(free_port) || return 1
  user_option=$(pgbouncer_user_option)
  # trust still needs the user in the auth file; auth_user finds the others.
  echo '"postgres" ""' >"$dir/users.txt" &&
    pgbouncer_ini "$port" trust "$dir/users.txt" "* = host=127.0.0.1 port=$pg_port" \
      "default_pool_size = 2" "max_client_conn = 500" "auth_user = postgres" \
      "logfile = $dir/pgbouncer.log" "pidfile = $dir/pgbouncer.pid" "$@" >"$dir/pgbouncer.ini" &&
    pg_own "$dir" "$dir/users.txt" "$dir/pgbouncer.ini" || return 1
  # -d: it daemonizes and writes its pid file. 8>&- 9>&-: not the callers'
  # lock files (see start_throwaway_postgres).
  # shellcheck disable=SC2086  # $user_option: no word or two words
  /usr/sbin/pgbouncer -d -q $user_option "$dir/pgbouncer.ini" 8>&- 9>&- ||
    { tail -n 20 "$dir/pgbouncer.log" >&2 2>/dev/null; return 1; }
  # Daemonized before it listens: wait until it answers a login.
  local deadline=$((SECONDS + 30))
  until "$(pg_bin)/psql" -X -q -At -h 127.0.0.1 -p "$port" -U postgres -d postgres \
    -c 'SELECT 1' >/dev/null 2>&1; do
    if ((SECONDS >= deadline)); then
      echo "PgBouncer did not answer on 127.0.0.1:$port within 30 s" >&2
      tail -n 20 "$dir/pgbouncer.log" >&2 2>/dev/null
      return 1
    fi
    sleep 0.1
  done
  echo "$port"
}

# stop_throwaway_pgbouncer <dir>: stops it at once (SIGTERM, its immediate
# shutdown) and waits until it is gone. Harmless when <dir> is empty or
# nothing runs there, so cleanup traps can call it unconditionally.
stop_throwaway_pgbouncer() {
  [[ -n ${1:-} && -s $1/pgbouncer.pid ]] || return 0
  local pid deadline=$((SECONDS + 10))
  pid=$(<"$1/pgbouncer.pid")
  [[ $pid =~ ^[0-9]+$ ]] || return 0
  # Only when that pid still is this PgBouncer (not a recycled one).
  grep -qF -- "$1/pgbouncer.ini" "/proc/$pid/cmdline" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || return 0
  while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
}
