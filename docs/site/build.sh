#!/usr/bin/env bash
# Builds the API documentation site that the reverse proxy serves from
# DOCS_ROOT (deploy/nginx/locations/docs.conf):
#   openapi.json                 docs/openapi.yaml as JSON     -> /openapi.json
#   index.html                   the Swagger UI page           -> /docs, /docs/
#   initializer.js               its settings                  -> /docs/initializer.js
#   swagger-ui-bundle.js, swagger-ui.css, favicons, licence    -> /docs/<name>
# Swagger UI's files come from the npm package swagger-ui-dist, pinned by
# package-lock.json and installed with scripts/npm-ci.sh (only when missing
# or when the lock file changed); they are never committed.
#
# Usage: docs/site/build.sh <out dir>
# The output directory is updated file by file with renames, so a running
# proxy never serves a half-written file. Needs node and npm.
set -euo pipefail

[[ $# -eq 1 ]] || { echo "usage: docs/site/build.sh <out dir>" >&2; exit 2; }
readonly site_dir=$(cd "$(dirname "$0")" && pwd)
readonly out=$1
staging=""  # the temporary build directory, removed on any exit
trap '[[ -z $staging ]] || rm -rf "$staging"' EXIT

main() {
  "$site_dir/../../scripts/npm-ci.sh" "$site_dir"
  mkdir -p "$out"
  local file
  staging=$(mktemp -d "$out/.build.XXXXXX")
  node "$site_dir/build.mjs" "$staging"
  chmod -R a+rX "$staging"
  local -A built=()
  for file in "$staging"/*; do
    built[$(basename "$file")]=1
    mv -f "$file" "$out/"
  done
  rm -rf "$staging"
  staging=""
  # Drop what an earlier build wrote and this one did not.
  for file in "$out"/*; do
    [[ -n ${built[$(basename "$file")]:-} ]] || rm -rf "$file"
  done
}

main
