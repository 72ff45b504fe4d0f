# shellcheck shell=bash disable=SC2154  # run_dir: set by run.sh
# Starting, finding and stopping the stack's long-running processes
# (sourced by deploy/local/run.sh, after scripts/lib.sh).
#
# Each process runs in its own session (setsid): a Ctrl-C in the terminal then
# reaches only run.sh, which stops the parts in order (proxy first, database
# last) instead of everything dying at once. Each pid goes to
# $run_dir/<name>.pid so `run.sh stop` from another shell finds it.

# pid_file <name>
pid_file() {
  echo "$run_dir/$1.pid"
}

# process_word <name>: what the command line of <name> contains: its name,
# less a replica's -<k> (auth-service-1 runs the auth-service executable).
process_word() {
  if [[ $1 =~ ^(.+)-[0-9]+$ ]]; then echo "${BASH_REMATCH[1]}"; else echo "$1"; fi
}

# is_alive <pid> <word>: the process exists, is not a zombie, and its command
# line contains <word> (a recycled pid after a reboot does not count).
is_alive() {
  local pid=$1 word=$2 stat cmdline
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  # Read whole, not piped into `grep -q`: grep exiting early would kill the
  # writer with SIGPIPE, which pipefail turns into "not alive" (nginx's
  # command line spans its whole environment, so it is long).
  stat=$(cat "/proc/$pid/stat" 2>/dev/null) || return 1
  stat=${stat##*) }
  [[ ${stat%% *} != Z ]] || return 1
  cmdline=$(tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline") || return 1
  [[ $cmdline == *"$word"* ]]
}

# running_pid <name> [<word>]: prints the pid of <name> when it runs.
running_pid() {
  local name=$1 word=${2:-} pid
  [[ -n $word ]] || word=$(process_word "$name")
  [[ -r $(pid_file "$name") ]] || return 1
  pid=$(head -n1 "$(pid_file "$name")" 2>/dev/null) || return 1
  is_alive "$pid" "$word" || return 1
  echo "$pid"
}

# launch <name> <log file> <command...>: starts the command, whose command
# line must contain <name>'s process_word, in the background in its own session and records
# its pid. The caller sets the environment (in a subshell, after exporting).
# fd 9 is run.sh's start/stop lock, which must not outlive run.sh in a child.
launch() {
  local name=$1 log=$2
  shift 2
  # Logs are appended across runs; remember where this run's part begins.
  stat -c %s "$log" >"$run_dir/$name.log-start" 2>/dev/null || echo 0 >"$run_dir/$name.log-start"
  # Without job control the subshell is no process-group leader, so setsid
  # does not fork and $! is the command's own pid.
  (exec setsid "$@" </dev/null >>"$log" 2>&1 9>&-) &
  local pid=$! deadline=$((SECONDS + 5)) word
  echo "$pid" >"$(pid_file "$name")"
  word=$(process_word "$name")
  # Until the exec, the child is a copy of run.sh and its command line does
  # not name <name> yet; is_alive would call it dead. Wait for the exec.
  while ! is_alive "$pid" "$word" && kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do
    sleep 0.02
  done
}

# show_log_tail <name> <log>: the last lines <name> wrote since its launch.
show_log_tail() {
  local start
  start=$(cat "$run_dir/$1.log-start" 2>/dev/null || echo 0)
  say "the end of $2:"
  tail -c +"$((start + 1))" "$2" 2>/dev/null | tail -n 25 >&2 || true
}

# wait_gone <pid> <word> <seconds>
wait_gone() {
  local pid=$1 word=$2 deadline=$((SECONDS + $3))
  while is_alive "$pid" "$word"; do
    ((SECONDS < deadline)) || return 1
    sleep 0.1
  done
}

# stop_process <name> <signal> <seconds> [<word>]: asks politely, waits, and
# kills it only when it does not finish in time.
stop_process() {
  local name=$1 signal=$2 seconds=$3 word=${4:-} pid
  [[ -n $word ]] || word=$(process_word "$name")
  if pid=$(running_pid "$name" "$word"); then
    say "stopping $name (pid $pid)"
    kill -s "$signal" "$pid" 2>/dev/null || true
    if ! wait_gone "$pid" "$word" "$seconds"; then
      say "$name did not stop within ${seconds}s; killing it"
      kill -s KILL "$pid" 2>/dev/null || true
      wait_gone "$pid" "$word" 5 || true
    fi
  fi
  rm -f "$(pid_file "$name")"
}

# port_in_use <port>: something listens on it (any address).
port_in_use() {
  [[ -n $(ss -Hltn "( sport = :$1 )" 2>/dev/null) ]]
}

# port_user <port>: the listener's description, for the error message.
port_user() {
  ss -Hltnp "( sport = :$1 )" 2>/dev/null | awk '{print $4, $6}' | head -n1
}

# wait_for_http <name> <pid> <word> <url> <expected status> <seconds> <log>:
# polls the URL until it answers the expected status. Fails early, showing
# the end of the log, when the process exits first.
wait_for_http() {
  local name=$1 pid=$2 word=$3 url=$4 expected=$5 deadline=$((SECONDS + $6)) log=$7 status
  while true; do
    if ! is_alive "$pid" "$word"; then
      say "$name exited during start-up"
      show_log_tail "$name" "$log"
      return 1
    fi
    status=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$url" 2>/dev/null) || true
    [[ $status != "$expected" ]] || return 0
    if ((SECONDS >= deadline)); then
      say "$name did not answer $url with $expected within $6s (last: ${status:-no answer})"
      show_log_tail "$name" "$log"
      return 1
    fi
    sleep 0.2
  done
}
