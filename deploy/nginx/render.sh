#!/usr/bin/env bash
# Renders the reverse-proxy configuration into a directory nginx can run from:
#   <out>/nginx.conf         from deploy/nginx/nginx.conf.template
#   <out>/locations/*.conf   from deploy/nginx/locations/*.conf
#   <out>/snippets/*.conf    from deploy/nginx/snippets/*.conf
# Then: nginx -p <out> -c <out>/nginx.conf -e <error log> -g 'daemon off;'
#
# Usage: deploy/nginx/render.sh <out dir>
#
# Only the placeholders listed below are substituted (envsubst with an
# explicit list), so nginx's own $variables pass through untouched. Every
# consumer (deploy/local/run.sh, the container image, Kubernetes) sets them
# from the environment:
#
#   STATIC_ROOT       (required) directory of the frontend's files, served at /
#   DOCS_ROOT         (required) directory of the API docs (locations/docs.conf)
#   PROXY_LISTEN      nginx `listen` value: port or address:port   [$PROXY_PORT or 8080]
#   AUTH_UPSTREAM     auth-service host:port                      [127.0.0.1:$AUTH_PORT or :8001]
#   TASK_UPSTREAM     task-service host:port                      [127.0.0.1:$TASK_PORT or :8002]
#                     Either may list several, comma-separated (replicas:
#                     127.0.0.1:8001,127.0.0.1:8101): nginx balances over them,
#                     one `server` line each in the upstream block.
#   MAX_BODY_BYTES    request body limit, same as the services'   [65536]
#   NGINX_ACCESS_LOG  access log path    [$LOG_DIR/nginx.log, or /dev/stdout without LOG_DIR]
#   NGINX_ERROR_LOG   error log path     [$LOG_DIR/nginx.log, or /dev/stderr without LOG_DIR]
#   NGINX_PID_FILE    pid file                                    [<out>/nginx.pid]
#   NGINX_TEMP_DIR    body/proxy temp files, created here         [<out>/temp]
#   NGINX_MIME_TYPES  mime.types to include                       [/etc/nginx/mime.types]
set -euo pipefail

source_dir=$(cd "$(dirname "$0")" && pwd)
readonly source_dir
readonly placeholders=(PROXY_LISTEN AUTH_UPSTREAM TASK_UPSTREAM STATIC_ROOT DOCS_ROOT MAX_BODY_BYTES
  NGINX_ACCESS_LOG NGINX_ERROR_LOG NGINX_PID_FILE NGINX_TEMP_DIR NGINX_MIME_TYPES)
# Made here from the settings above (main), never taken from the
# environment: an upstream block's `server` lines, one per address in
# AUTH_UPSTREAM and TASK_UPSTREAM.
readonly derived=(AUTH_UPSTREAM_SERVERS TASK_UPSTREAM_SERVERS)

die() {
  echo "render.sh: $*" >&2
  exit 1
}

set_defaults() {
  local out=$1
  : "${STATIC_ROOT:?render.sh: STATIC_ROOT must be set (directory served at /)}"
  : "${DOCS_ROOT:?render.sh: DOCS_ROOT must be set (directory served at /docs)}"
  PROXY_LISTEN=${PROXY_LISTEN:-${PROXY_PORT:-8080}}
  AUTH_UPSTREAM=${AUTH_UPSTREAM:-127.0.0.1:${AUTH_PORT:-8001}}
  TASK_UPSTREAM=${TASK_UPSTREAM:-127.0.0.1:${TASK_PORT:-8002}}
  MAX_BODY_BYTES=${MAX_BODY_BYTES:-65536}
  if [[ -n ${LOG_DIR:-} ]]; then
    NGINX_ACCESS_LOG=${NGINX_ACCESS_LOG:-$LOG_DIR/nginx.log}
    NGINX_ERROR_LOG=${NGINX_ERROR_LOG:-$LOG_DIR/nginx.log}
  else
    NGINX_ACCESS_LOG=${NGINX_ACCESS_LOG:-/dev/stdout}
    NGINX_ERROR_LOG=${NGINX_ERROR_LOG:-/dev/stderr}
  fi
  NGINX_PID_FILE=${NGINX_PID_FILE:-$out/nginx.pid}
  NGINX_TEMP_DIR=${NGINX_TEMP_DIR:-$out/temp}
  NGINX_MIME_TYPES=${NGINX_MIME_TYPES:-/etc/nginx/mime.types}
}

# nginx has no quoting that envsubst could get right for every value, so
# values that would change the configuration's structure are refused.
validate() {
  local name
  for name in "${placeholders[@]}"; do
    [[ -n ${!name} ]] || die "$name is empty"
    [[ ${!name} != *[[:space:]\;\{\}\"\'\$]* ]] ||
      die "$name='${!name}' contains whitespace, quotes, \$ or one of ;{} (not usable in nginx.conf)"
  done
  [[ $MAX_BODY_BYTES =~ ^[0-9]+$ ]] || die "MAX_BODY_BYTES must be a number of bytes"
  for name in AUTH_UPSTREAM TASK_UPSTREAM; do
    [[ ${!name} =~ ^[^,]+(,[^,]+)*$ ]] ||
      die "$name must be host:port, or several comma-separated, not '${!name}'"
  done
  [[ $PROXY_LISTEN =~ ^([^:]+:|\[[0-9a-fA-F:]+\]:)?[0-9]+$ ]] ||
    die "PROXY_LISTEN must be PORT or ADDRESS:PORT, not '$PROXY_LISTEN'"
}

# server_lines <address,...>: the `server` lines of an upstream block, one
# per address, joined so that each lands on its own line at the indentation
# of the template's placeholder. One address renders as `server <address>;`.
server_lines() {
  local address lines=() IFS=,
  for address in $1; do lines+=("server $address;"); done
  IFS=$'\n'
  printf '%s' "${lines[*]}" | sed '2,$s/^/    /'
}

# render <template> <output>: substitutes the placeholders and refuses to
# leave one unexpanded (a template using a name this script does not know).
render() {
  local template=$1 output=$2 list
  # shellcheck disable=SC2016  # literal ${NAME}s: envsubst's list of names
  list=$(printf '${%s} ' "${placeholders[@]}" "${derived[@]}")
  envsubst "$list" <"$template" >"$output.tmp"
  # shellcheck disable=SC2016  # a literal ${NAME} left in the output
  if grep -n '\${[A-Z][A-Z0-9_]*}' "$output.tmp" >&2; then
    rm -f "$output.tmp"
    die "$template uses a placeholder render.sh does not know (known: ${placeholders[*]} ${derived[*]})"
  fi
  mv "$output.tmp" "$output"
}

main() {
  [[ $# -eq 1 ]] || die "usage: render.sh <out dir>"
  local out=$1 dir file
  mkdir -p "$out"
  out=$(cd "$out" && pwd)
  set_defaults "$out"
  validate
  AUTH_UPSTREAM_SERVERS=$(server_lines "$AUTH_UPSTREAM")
  TASK_UPSTREAM_SERVERS=$(server_lines "$TASK_UPSTREAM")
  export "${placeholders[@]}" AUTH_UPSTREAM_SERVERS TASK_UPSTREAM_SERVERS

  mkdir -p "$NGINX_TEMP_DIR"
  render "$source_dir/nginx.conf.template" "$out/nginx.conf"
  for dir in locations snippets; do
    # Start clean so a location removed from the repository is gone here too.
    rm -rf "${out:?}/$dir"
    mkdir -p "$out/$dir"
    for file in "$source_dir/$dir"/*.conf; do
      [[ -e $file ]] || continue
      render "$file" "$out/$dir/$(basename "$file")"
    done
  done
}

main "$@"
