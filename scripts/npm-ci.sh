#!/usr/bin/env bash
# Installs the npm packages of a Node.js suite's directory exactly as its
# package-lock.json pins them (`npm ci`), and only when they are missing or
# the lock file changed since the last install, so callers can run it before
# every use. Quiet unless something fails. Needs node and npm (preinstalled
# on the project's machines).
#
# Usage: scripts/npm-ci.sh <directory with package-lock.json>
#   e.g. scripts/npm-ci.sh tests/openapi   (what tests/e2e needs, see README.md)
set -euo pipefail

[[ $# -eq 1 ]] || { echo "usage: scripts/npm-ci.sh <directory with package-lock.json>" >&2; exit 2; }
dir=$(cd "$1" && pwd)
# What was installed last, copied into node_modules, which `npm ci` empties
# first: an interrupted install leaves no stamp and is redone.
readonly dir stamp=$dir/node_modules/.installed-package-lock.json

if [[ -f $stamp ]] && cmp -s "$dir/package-lock.json" "$stamp"; then
  exit 0
fi
command -v npm >/dev/null || { echo "npm-ci.sh: npm is not installed" >&2; exit 1; }
npm ci --prefix "$dir" --no-audit --no-fund --loglevel=error >/dev/null
cp "$dir/package-lock.json" "$stamp"
