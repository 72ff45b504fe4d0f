#!/usr/bin/env bash
# Installs this directory's npm packages exactly as package-lock.json pins
# them (`npm ci`), and only when they are missing or the lock file changed
# since the last install, so callers can run it before every use. Quiet unless
# something fails. Needs node and npm (preinstalled on the project's machines).
set -euo pipefail
readonly dir=$(cd "$(dirname "$0")" && pwd)
readonly stamp=$dir/node_modules/.installed-package-lock.json

if [[ -f $stamp ]] && cmp -s "$dir/package-lock.json" "$stamp"; then
  exit 0
fi
command -v npm >/dev/null || { echo "install.sh: npm is not installed" >&2; exit 1; }
npm ci --prefix "$dir" --no-audit --no-fund --loglevel=error >/dev/null
cp "$dir/package-lock.json" "$stamp"
