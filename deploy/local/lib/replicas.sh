# shellcheck shell=bash disable=SC2154  # run_dir, log_dir, auth_*, task_*: set by run.sh
# The services' replicas in the local stack (sourced by run.sh, after
# scripts/lib.sh and lib/processes.sh).
#
# AUTH_REPLICAS and TASK_REPLICAS (1 to 8, 1 by default) instances of each
# service run behind nginx, which balances over them: one upstream block
# per service with a `server` per replica (deploy/nginx/render.sh).
# Replica k (from 0) listens on AUTH_PORT or TASK_PORT + 100·k
# (replica_port_step), so replica 0 keeps the port a single instance has.
# Replica 0 is also named after its service (logs/auth-service.log,
# run/auth-service.pid, as before replicas existed, so nothing that reads
# them breaks); replica k >= 1 is auth-service-k (logs/auth-service-k.log,
# run/auth-service-k.pid).
#
# Task replica k follows the revocation feed of auth replica k mod
# AUTH_REPLICAS: the feed's polls are spread over the auth replicas, and a
# restarted auth replica holds up only the task replicas that follow it
# (for the seconds it is away; they retry with backoff).
#
# The replica counts and base ports of the running stack are in its run
# state (run/state), so `status`, `stop` and `restart` see the stack as it
# was started, whatever their own environment says.

readonly max_replicas=8

# replicas_check_settings: AUTH_REPLICAS and TASK_REPLICAS, and the base
# ports the replicas' ports are counted from, before anything is built or
# started.
replicas_check_settings() {
  local name value
  for name in AUTH_REPLICAS TASK_REPLICAS; do
    value=${!name:-1}
    [[ $value =~ ^[1-9]$ && $value -le $max_replicas ]] ||
      die "$name must be a number of instances from 1 to $max_replicas, not '$value'"
  done
  for name in auth_port task_port; do
    [[ ${!name} =~ ^[0-9]{1,5}$ ]] || die "${name^^} must be a port number, not '${!name}'"
  done
}

# replicas_use_state: the counts and base ports the running stack was started
# with (run/state), where it names them; else the ones already set.
replicas_use_state() {
  local name value
  for name in auth_replicas task_replicas auth_port task_port; do
    value=$(state_get "$name")
    [[ -z $value ]] || printf -v "$name" '%s' "$value"
  done
}

# replicas_save_state: for replicas_use_state in later invocations.
replicas_save_state() {
  printf '%s\n' "auth_replicas=$auth_replicas" "task_replicas=$task_replicas" \
    "auth_port=$auth_port" "task_port=$task_port" >>"$run_dir/state"
}

# replica_count <service>
replica_count() {
  local count=${1%%-*}_replicas
  echo "${!count}"
}

# replica_name <service> <k>: auth-service for k = 0, auth-service-<k> after.
replica_name() {
  if (($2 == 0)); then echo "$1"; else echo "$1-$2"; fi
}

# replica_names <service>: every replica's name, replica 0 first.
replica_names() {
  local k count
  count=$(replica_count "$1")
  for ((k = 0; k < count; k++)); do replica_name "$1" "$k"; done
}

# replica_service <name>: the service a replica's name belongs to; fails for
# a name that is no replica of the stack (auth-service-9 with 2 replicas).
replica_service() {
  local service
  for service in auth-service task-service; do
    replica_names "$service" | grep -qxF -- "$1" || continue
    echo "$service"
    return 0
  done
  return 1
}

# replica_index <name>: k of auth-service-<k>; 0 for auth-service.
replica_index() {
  if [[ $1 =~ -([0-9]+)$ ]]; then echo "${BASH_REMATCH[1]}"; else echo 0; fi
}

# replica_port <service> <k>
replica_port() {
  local base=${1%%-*}_port
  echo $((${!base} + $2 * $(replica_port_step)))
}

# replica_port_of <name>
replica_port_of() {
  replica_port "$(process_word "$1")" "$(replica_index "$1")"
}

# replica_ports <service>: its replicas' ports, for the banner: 8001 :8101
replica_ports() {
  local name list=""
  for name in $(replica_names "$1"); do list+="${list:+ :}$(replica_port_of "$name")"; done
  echo "$list"
}

# replica_stop_seconds <name>: how long its SIGTERM drain may take (the
# SHUTDOWN_GRACE_SECONDS it was started with, default 20), plus a margin.
replica_stop_seconds() {
  local grace
  grace=$(launch_record_value "$1" SHUTDOWN_GRACE_SECONDS 2>/dev/null) || true
  [[ $grace =~ ^[0-9]+$ ]] || grace=${SHUTDOWN_GRACE_SECONDS:-20}
  echo $((grace + 10))
}

# replica_log <name>
replica_log() {
  echo "$log_dir/$1.log"
}

# replica_pid_names: every replica with a pid file, whatever the counts say
# (`stop` must not leave one running because its shell's settings differ).
replica_pid_names() {
  local file name
  for file in "$run_dir"/auth-service.pid "$run_dir"/auth-service-*.pid \
    "$run_dir"/task-service.pid "$run_dir"/task-service-*.pid; do
    [[ -e $file ]] || continue
    name=${file##*/}
    echo "${name%.pid}"
  done
}

# upstream_list <service> [<left out>]: its replicas' addresses for nginx,
# comma-separated (render.sh's AUTH_UPSTREAM and TASK_UPSTREAM), without
# the replica named <left out>.
upstream_list() {
  local service=$1 left_out=${2:-} k list=() count
  count=$(replica_count "$service")
  for ((k = 0; k < count; k++)); do
    [[ $(replica_name "$service" "$k") == "$left_out" ]] ||
      list+=("127.0.0.1:$(replica_port "$service" "$k")")
  done
  local IFS=,
  echo "${list[*]}"
}

# feed_url <task replica k>: the auth replica whose revocation feed it follows.
feed_url() {
  echo "http://127.0.0.1:$(replica_port auth-service $(($1 % auth_replicas)))"
}

# replica_ports_to_check: "VARIABLE|label|port" for every replica of both
# services, for run.sh's port checks (busy, out of range, or shared with
# another part), e.g. "AUTH_PORT|auth-service-1's port (AUTH_PORT + 100)|8101".
replica_ports_to_check() {
  local service variable k count
  for service in auth-service task-service; do
    variable=AUTH_PORT
    [[ $service == auth-service ]] || variable=TASK_PORT
    echo "$variable|$variable|$(replica_port "$service" 0)"
    count=$(replica_count "$service")
    for ((k = 1; k < count; k++)); do
      echo "$variable|$(replica_name "$service" "$k")'s port ($variable + $((k * $(replica_port_step))))|$(replica_port "$service" "$k")"
    done
  done
}

# --- the launch records -------------------------------------------------------------
#
# `restart <name>` starts a replica again exactly as run.sh started it, from
# another shell whose environment may differ: the executable and the whole
# environment it got (its database URL with the password included) are
# kept in run/launch/<name>.env, NUL-separated, readable by the owner only,
# and removed by `stop`. Not on a command line at any moment.

launch_record() {
  echo "$run_dir/launch/$1.env"
}

# save_launch_record <name> <executable>: in the subshell that is about to
# launch it, with its environment exported.
save_launch_record() {
  (umask 077 && mkdir -p "$run_dir/launch" &&
    { printf '%s\0' "$2" && env -0; } >"$(launch_record "$1")")
}

# launch_record_value <name> <VARIABLE>: one setting the replica was started with.
launch_record_value() {
  tail -z -n +2 "$(launch_record "$1")" | tr '\0\n' '\n\0' | sed -n "s/^$2=//p" | tr '\0' '\n'
}

# relaunch <name>: starts the replica from its launch record, in a
# subshell whose environment is exactly the recorded one.
relaunch() {
  local name=$1 record
  record=$(launch_record "$name")
  [[ -s $record ]] ||
    die "no launch record for $name ($record): stop and start the whole stack instead"
  (
    local variable entry binary
    for variable in $(compgen -e); do unset "$variable" 2>/dev/null || true; done
    {
      IFS= read -r -d '' binary
      # A name bash cannot export (a function's BASH_FUNC_...) is skipped.
      # shellcheck disable=SC2163  # exports the NAME=value words themselves
      while IFS= read -r -d '' entry; do export "$entry" 2>/dev/null || true; done
    } <"$record"
    launch "$name" "$(replica_log "$name")" "$binary"
  )
}
