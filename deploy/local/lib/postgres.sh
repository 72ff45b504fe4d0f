# shellcheck shell=bash disable=SC2154  # pg_dir, pg_bin, log_dir, secrets_dir: set by run.sh
# The private PostgreSQL cluster of the local stack (sourced by run.sh, after
# scripts/lib.sh: as_pg, pg_own, random_hex).
#
# It lives in $pg_dir (inside the data directory), is created on the first
# run and kept afterwards. One database and one login role per service, each
# with its own generated password: a service can reach only its own data, as
# in production. PostgreSQL refuses to run as root, so root runs it as the
# `postgres` OS user; anyone else runs it as themselves.
#
# Access: TCP on 127.0.0.1 needs a password (scram-sha-256), so other local
# users cannot walk in; the Unix socket trusts its peer, but its directory is
# 0700, so only the cluster's OS owner (and root) gets there. run.sh uses
# that socket for administration.

readonly pg_data=$pg_dir/data
readonly pg_roles=(todo_auth todo_tasks)  # role name = database name

pg_owner() {
  if [[ $(id -u) -eq 0 ]]; then echo postgres; else id -un; fi
}

# The socket path must fit in sun_path (107 bytes); a deep checkout gets a
# short, stable directory under /tmp instead.
pg_socket_dir() {
  local dir=$pg_dir/socket
  if ((${#dir} > 80)); then
    dir=/tmp/todo-pg-$(id -u)-$(printf '%s' "$pg_dir" | cksum | cut -d' ' -f1)
  fi
  echo "$dir"
}

pg_is_running() {
  [[ -f $pg_data/PG_VERSION ]] && as_pg "$pg_bin/pg_ctl" -D "$pg_data" status >/dev/null 2>&1
}

# The port the running (or last) cluster was told to use.
pg_configured_port() {
  sed -n 's/^port = \([0-9]*\)$/\1/p' "$pg_data/run.conf" 2>/dev/null || true
}

pg_check_ownership() {
  local owner
  [[ -d $pg_dir ]] || return 0
  owner=$(stat -c %U "$pg_dir")
  [[ $owner == "$(pg_owner)" ]] ||
    die "$pg_dir belongs to $owner, but this run would start PostgreSQL as $(pg_owner)." \
      "Run as the user who created it, or use another TODO_DATA_DIR."
}

# Creates the cluster on the first run. initdb removes its directory again
# when it fails, so a failed first run is retried cleanly by the next.
pg_init() {
  [[ -f $pg_data/PG_VERSION ]] && return 0
  say "creating the PostgreSQL cluster in $pg_data (first run)"
  mkdir -p "$pg_dir"
  chmod 700 "$pg_dir"
  pg_own "$pg_dir"
  as_pg "$pg_bin/initdb" -D "$pg_data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 \
    >"$log_dir/initdb.log" 2>&1 ||
    { tail -n 20 "$log_dir/initdb.log" >&2; die "initdb failed (full output in $log_dir/initdb.log)"; }
  as_pg tee -a "$pg_data/postgresql.conf" >/dev/null <<'EOF'

# --- deploy/local/run.sh ---
listen_addresses = '127.0.0.1'
unix_socket_permissions = 0700
# port and socket directory, rewritten by run.sh on every start
include_if_exists = 'run.conf'
EOF
  as_pg tee "$pg_data/pg_hba.conf" >/dev/null <<'EOF'
# Written by deploy/local/run.sh.
# TYPE  DATABASE  USER  ADDRESS       METHOD
local   all       all                 trust
host    all       all   127.0.0.1/32  scram-sha-256
host    all       all   ::1/128       scram-sha-256
EOF
}

# pg_start <port>
pg_start() {
  local port=$1 socket_dir
  socket_dir=$(pg_socket_dir)
  mkdir -p "$socket_dir"
  chmod 700 "$socket_dir"
  pg_own "$socket_dir"
  printf "port = %s\nunix_socket_directories = '%s'\n" "$port" "$socket_dir" |
    as_pg tee "$pg_data/run.conf" >/dev/null
  # pg_ctl opens the log as the cluster owner.
  touch "$log_dir/postgres.log"
  pg_own "$log_dir/postgres.log"
  say "starting PostgreSQL on 127.0.0.1:$port"
  as_pg "$pg_bin/pg_ctl" -D "$pg_data" -l "$log_dir/postgres.log" -w -t 60 -s start 9>&- ||
    { tail -n 20 "$log_dir/postgres.log" >&2; die "PostgreSQL did not start (log: $log_dir/postgres.log)"; }
}

pg_stop() {
  pg_is_running || return 0
  say "stopping PostgreSQL"
  as_pg "$pg_bin/pg_ctl" -D "$pg_data" -m fast -w -t 60 -s stop 9>&- ||
    say "PostgreSQL did not stop cleanly (log: $log_dir/postgres.log)"
}

# pg_password <role>: the role's password, generated on first use.
pg_password() {
  local file=$secrets_dir/$1-db-password
  [[ -s $file ]] || write_secret "$file" "$(random_hex 24)"
  cat "$file"
}

# Creates every service's role and database when missing and (re)sets the
# role's password from the secrets directory, so a half-finished first run
# or a deleted password file heals itself. Runs on every start: cheap.
pg_ensure_databases() {
  local port=$1 role sql=""
  for role in "${pg_roles[@]}"; do
    sql+="SELECT 'CREATE ROLE $role LOGIN' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$role') \\gexec
ALTER ROLE $role PASSWORD '$(pg_password "$role")';
SELECT 'CREATE DATABASE $role OWNER $role' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$role') \\gexec
REVOKE CONNECT, TEMPORARY ON DATABASE $role FROM PUBLIC;
"
  done
  # On stdin, so the passwords never appear in a command line.
  as_pg "$pg_bin/psql" -X -q -v ON_ERROR_STOP=1 -h "$(pg_socket_dir)" -p "$port" -U postgres \
    -d postgres >/dev/null <<<"$sql" || die "could not create the services' databases"
}

# pg_url <role> <port>
pg_url() {
  echo "postgresql://$1:$(pg_password "$1")@127.0.0.1:$2/$1"
}
