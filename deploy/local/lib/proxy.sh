# shellcheck shell=bash disable=SC2154  # repo, run_dir, log_dir, nginx_dir, ...: set by run.sh
# The local stack's nginx: its configuration, rendered by deploy/nginx/render.sh,
# and reloading it (sourced by run.sh, after lib/processes.sh and
# lib/replicas.sh).
#
# The upstreams list every replica of each service (lib/replicas.sh). To
# restart a replica without a failed request, `run.sh restart` first renders
# the configuration without it and reloads nginx, so no request goes to it
# while it drains and starts again, and then brings it back the same way.
# The other settings render.sh got at start are kept in run/proxy.env, so
# that a later invocation renders the same configuration whatever its own
# environment holds.

nginx_args=()

# nginx's own pid file is kept apart from run/nginx.pid, which run.sh writes:
# nginx truncates and removes its file, and a reader could catch it empty.
proxy_settings() {
  printf '%s\n' "STATIC_ROOT=$static_root" "DOCS_ROOT=$docs_dir" \
    "PROXY_LISTEN=$proxy_address:$proxy_port" "MAX_BODY_BYTES=$max_body_bytes" \
    "LOG_DIR=$log_dir" "NGINX_PID_FILE=$nginx_dir/nginx.pid" "NGINX_TEMP_DIR=$nginx_dir/temp"
}

render_proxy_config() {
  mkdir -p "$static_root"
  proxy_settings >"$run_dir/proxy.env"
  render_proxy "" || die "the rendered nginx configuration is invalid"
}

# render_proxy <left out>: nginx's configuration from run/proxy.env with every
# replica of both services in the upstreams but the one named <left out>
# (none when empty), checked with nginx -t.
render_proxy() {
  local settings
  mapfile -t settings <"$run_dir/proxy.env"
  env "${settings[@]}" AUTH_UPSTREAM="$(upstream_list auth-service "$1")" \
    TASK_UPSTREAM="$(upstream_list task-service "$1")" \
    "$repo/deploy/nginx/render.sh" "$nginx_dir/conf" || return 1
  nginx_command -t -q
  "${nginx_args[@]}" 2>>"$log_dir/nginx.log" || { tail -n 5 "$log_dir/nginx.log" >&2; return 1; }
}

# nginx_command <extra args...>: nginx on the rendered configuration, in the
# foreground (run.sh or `launch` keeps track of it).
nginx_command() {
  local globals='daemon off;'
  # As root the master keeps root (it only binds the port and opens the logs)
  # and the workers, which talk to clients, run as nobody.
  [[ $(id -u) -ne 0 ]] || globals+=' user nobody nogroup;'
  nginx_args=(nginx -p "$nginx_dir/conf" -c "$nginx_dir/conf/nginx.conf" -e "$log_dir/nginx.log"
    -g "$globals" "$@")
}

# nginx_workers <master pid>: its worker processes (its only children here:
# no cache manager or loader is configured).
nginx_workers() {
  ps -o pid= --ppid "$1" | tr -d ' '
}

# reload_proxy: nginx takes the rendered configuration. On SIGHUP its master
# starts new workers with it and tells the old ones to finish the requests
# they hold and exit; this returns once every old worker is gone, so from
# then on no request follows the old configuration. The old workers may
# take as long as an upstream answer may (proxy_read_timeout, 30 s).
reload_proxy() {
  local master old pid deadline=$((SECONDS + 45))
  master=$(running_pid nginx) || { say "nginx does not run"; return 1; }
  old=$(nginx_workers "$master")
  kill -s HUP "$master"
  for pid in $old; do
    while is_alive "$pid" nginx; do
      if ((SECONDS >= deadline)); then
        say "nginx's old worker $pid did not finish within 45s after the reload"
        return 1
      fi
      sleep 0.05
    done
  done
  [[ -n $(nginx_workers "$master") ]] ||
    { show_log_tail nginx "$log_dir/nginx.log"; say "nginx has no workers after the reload"; return 1; }
}
