#!/usr/bin/env bash
# Writes deploy/compose/.env with generated passwords, JWT key and service
# token key (readable by its owner only). Refuses to overwrite an existing
# one: the database's passwords are fixed when its volume is first
# initialised.
set -euo pipefail

dir=$(cd "$(dirname "$0")" && pwd)
readonly dir env_file=$dir/.env
# shellcheck source=scripts/lib.sh
source "$dir/../../scripts/lib.sh"

[[ ! -e $env_file ]] || { echo "make-env.sh: $env_file exists, left unchanged" >&2; exit 1; }
umask 077
sed -e "s/^POSTGRES_PASSWORD=$/POSTGRES_PASSWORD=$(random_hex 24)/" \
  -e "s/^AUTH_DB_PASSWORD=$/AUTH_DB_PASSWORD=$(random_hex 24)/" \
  -e "s/^TASK_DB_PASSWORD=$/TASK_DB_PASSWORD=$(random_hex 24)/" \
  -e "s/^JWT_SECRET=$/JWT_SECRET=$(random_hex 32)/" \
  -e "s/^SERVICE_JWT_SECRET=$/SERVICE_JWT_SECRET=$(random_hex 32)/" \
  "$dir/.env.example" >"$env_file"
echo "make-env.sh: wrote $env_file" >&2
