# shellcheck shell=bash disable=SC2154  # data_dir, log_dir, secrets_dir, run_dir, *_replicas: set by run.sh
# The local stack's PgBouncer (sourced by run.sh, after scripts/lib.sh,
# lib/processes.sh and lib/postgres.sh).
#
# With DB_POOLER=transaction the services are built to work behind a
# transaction-mode pooler (PgBouncer, Neon's pooled endpoint): each
# transaction may run on another server connection, so no named prepared
# statements and no session state. When the stack uses its private
# PostgreSQL, run.sh puts such a pooler between the services and it, so that
# mode is what really runs here: PgBouncer in transaction mode with only
# PGBOUNCER_POOL_SIZE (2) server connections per database, on 127.0.0.1 only.
#
# It is our own instance, on our own configuration and port: never Debian's
# pgbouncer service (port 6432, /etc/pgbouncer), which installing the
# package may enable. Clients log in with the services' own roles and
# passwords (scram-sha-256; the auth file holds the passwords in plain text,
# which PgBouncer 1.18 needs to log in to PostgreSQL with them in turn). It
# refuses to run as root: as root it is started with -u and becomes the
# PostgreSQL owner (`postgres`) once it has read its configuration and the
# auth file, which therefore stay root's, readable by root only. (A reload,
# SIGHUP, would fail to read the auth file again: run.sh never reloads, it
# restarts.)

readonly pgbouncer_dir=$data_dir/pgbouncer
readonly pgbouncer_auth_file=$secrets_dir/pgbouncer-users.txt
# Every replica's pool (DB_POOL_SIZE, at most 64 each) and a few more: 200
# with one replica of each service.
pgbouncer_max_clients() {
  echo $(((auth_replicas + task_replicas) * 64 + 72))
}

pgbouncer_port="" # set by pgbouncer_start

# Stops run.sh before anything starts (or builds) when the pooler settings
# cannot work. The services check DB_POOLER themselves too, but run.sh must
# know whether to start PgBouncer.
pgbouncer_check_settings() {
  case "${DB_POOLER:-none}" in
    none | transaction) ;;
    *) die "DB_POOLER must be 'none' or 'transaction', not '$DB_POOLER'" ;;
  esac
  uses_pgbouncer || return 0
  [[ ${PGBOUNCER_POOL_SIZE:-2} =~ ^[1-9][0-9]{0,3}$ ]] ||
    die "PGBOUNCER_POOL_SIZE must be a number of connections (1 or more), not '$PGBOUNCER_POOL_SIZE'"
}

# The services go through PgBouncer when they want a transaction-mode pooler
# and at least one of them uses the private PostgreSQL (an external
# database comes with its own pooler, or none).
uses_pgbouncer() {
  [[ ${DB_POOLER:-none} == transaction ]] && uses_private_postgres
}

# pgbouncer_start <pg port>: writes the configuration and the auth file,
# starts PgBouncer on PGBOUNCER_PORT (or a free port), waits until a
# service's role can log in through it, and sets pgbouncer_port.
pgbouncer_start() {
  local pg_port=$1 role users="" databases="" command
  pgbouncer_port=${PGBOUNCER_PORT:-$(free_port)}
  for role in "${pg_roles[@]}"; do
    users+="\"$role\" \"$(pg_password "$role")\""$'\n'
    databases+="$role = host=127.0.0.1 port=$pg_port dbname=$role"$'\n'
  done
  write_secret "$pgbouncer_auth_file" "$users"
  mkdir -p "$pgbouncer_dir"
  pgbouncer_ini "$pgbouncer_port" scram-sha-256 "$pgbouncer_auth_file" "$databases" \
    "default_pool_size = ${PGBOUNCER_POOL_SIZE:-2}" "max_client_conn = $(pgbouncer_max_clients)" \
    >"$pgbouncer_dir/pgbouncer.ini"
  say "starting PgBouncer (transaction mode, ${PGBOUNCER_POOL_SIZE:-2} server connections" \
    "per database) on 127.0.0.1:$pgbouncer_port"
  mapfile -t command < <(pgbouncer_user_option)
  launch pgbouncer "$log_dir/pgbouncer.log" /usr/sbin/pgbouncer "${command[@]}" \
    "$pgbouncer_dir/pgbouncer.ini"
  pgbouncer_wait_ready "${pg_roles[0]}"
  echo "pgbouncer_port=$pgbouncer_port" >>"$run_dir/state"
}

# pgbouncer_wait_ready <role>: listening, then one real login as <role>
# (its password, PostgreSQL behind it), so a wrong auth file or server
# entry shows here, in psql's words, rather than as the services' 503s.
pgbouncer_wait_ready() {
  local role=$1 pid deadline=$((SECONDS + 30))
  pid=$(head -n1 "$(pid_file pgbouncer)")
  until port_in_use "$pgbouncer_port"; do
    if ! is_alive "$pid" pgbouncer || ((SECONDS >= deadline)); then
      show_log_tail pgbouncer "$log_dir/pgbouncer.log"
      die "PgBouncer did not start on 127.0.0.1:$pgbouncer_port"
    fi
    sleep 0.1
  done
  # The password in psql's environment only, never on a command line.
  PGPASSWORD=$(pg_password "$role") PGCONNECT_TIMEOUT=10 "$pg_bin/psql" -X -q -At \
    -h 127.0.0.1 -p "$pgbouncer_port" -U "$role" -d "$role" -c 'SELECT 1' >/dev/null ||
    { show_log_tail pgbouncer "$log_dir/pgbouncer.log"; die "cannot log in as $role through PgBouncer"; }
}

# After the services (its clients), before PostgreSQL. SIGINT is its safe
# shutdown: what still runs a transaction finishes first.
pgbouncer_stop() {
  stop_process pgbouncer INT 10
}

# For `run.sh status`: prints its line; fails when it is configured for this
# stack (the run state names its port) but does not run.
pgbouncer_status() {
  local pid port
  port=$(state_get pgbouncer_port)
  if pid=$(running_pid pgbouncer); then
    printf '  %-13s running (pid %s, 127.0.0.1:%s)\n' pgbouncer "$pid" "${port:-?}"
  elif [[ -n $port ]]; then
    printf '  %-13s stopped\n' pgbouncer
    return 1
  else
    return 2 # not part of this stack
  fi
}
