#!/bin/bash
# Renders deploy/nginx from the environment (render.sh lists the settings)
# into a writable directory and runs nginx in the foreground. Runs as the
# non-root user; the root filesystem may be read-only (NGINX_CONF_DIR must
# then be on a writable volume, /tmp by default).
set -euo pipefail

readonly out=${NGINX_CONF_DIR:-/tmp/nginx}

/etc/todo/nginx/render.sh "$out"
# `-e stderr`: nginx's own stderr, before the configuration's error_log.
nginx -p "$out" -c "$out/nginx.conf" -e stderr -t -q
exec nginx -p "$out" -c "$out/nginx.conf" -e stderr -g 'daemon off;'
