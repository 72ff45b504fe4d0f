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
#   random_hex <bytes>              <bytes> random bytes as lowercase hex
#   wait_for_url <url> <seconds>    until the URL answers 2xx or 3xx
#   pg_bin                          PostgreSQL 15's program directory
#   as_pg <command...>              runs a command as the PostgreSQL owner
#   pg_own <path...>                hands paths to that owner (when root)
#   start_throwaway_postgres [--passwords] <dir> [<setting>...]
#   stop_throwaway_postgres <dir>
#   throwaway_postgres_restart_command <dir>
#   throwaway_stack_env <data dir>  the environment for a private deploy/local/run.sh

# free_port: asks the kernel for a port nobody uses right now (bound on
# 127.0.0.1, then released). Another process may take it before the
# caller does; on a test machine that is rare enough.
free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
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
# PG_PORT. It always uses the private database and generated secrets (the
# JWT secret and the service token secret) in <data dir>, and run.sh's own
# AUTH_INTERNAL_URL, whatever the caller's shell holds (callers rely on
# them being there, e.g. tests/e2e/run.sh's persistence check).
throwaway_stack_env() {
  # As root, PostgreSQL (postgres) and nginx's workers (nobody) work in here.
  chmod 755 "$1" || return 1
  export TODO_DATA_DIR=$1
  PROXY_PORT=$(free_port) && AUTH_PORT=$(free_port) && TASK_PORT=$(free_port) &&
    PG_PORT=$(free_port) || return 1
  export PROXY_PORT AUTH_PORT TASK_PORT PG_PORT
  unset AUTH_DATABASE_URL TASK_DATABASE_URL JWT_SECRET JWT_SECRET_FILE SERVICE_JWT_SECRET \
    SERVICE_JWT_SECRET_FILE AUTH_INTERNAL_URL PROXY_ADDRESS
}
