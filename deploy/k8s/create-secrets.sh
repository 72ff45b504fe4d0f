#!/usr/bin/env bash
# Creates the Secrets the manifests reference (nothing secret is committed):
#
#   todo-jwt          secret            the HS256 signing key (JWT_SECRET_FILE)
#                     previous-secrets  keys still accepted (JWT_PREVIOUS_SECRETS), empty
#   todo-service-jwt  secret            the key of the services' own tokens, never the
#                                       signing key (SERVICE_JWT_SECRET_FILE)
#   todo-database     auth-database-url, task-database-url   (each service's DATABASE_URL)
#   todo-postgres     superuser-password, auth-password, task-password   (dev only:
#                     the in-cluster PostgreSQL and its two login roles)
#
# Usage:
#   deploy/k8s/create-secrets.sh dev [--dry-run]
#   AUTH_DATABASE_URL=postgresql://...?sslmode=require \
#   TASK_DATABASE_URL=postgresql://...?sslmode=require \
#     deploy/k8s/create-secrets.sh prod [--dry-run]
#
# Environment: NAMESPACE [todo]; JWT_SECRET and SERVICE_JWT_SECRET (each
# >= 32 bytes, never the same) to use keys of your own instead of generated
# ones; KUBECTL [kubectl].
#
# A Secret that already exists is left alone (recreating todo-postgres would
# not change the passwords inside an initialised database; rotating a key
# has its own procedure, docs/deploy.md). --dry-run prints the Secrets as
# YAML instead of creating them, without contacting a cluster.
# Values travel through files in a private temp directory, never through a
# command line.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../../scripts/lib.sh"

readonly namespace=${NAMESPACE:-todo}
readonly kubectl=${KUBECTL:-kubectl}
overlay=""
dry_run=0
workdir=""

die() {
  echo "create-secrets.sh: $*" >&2
  exit 1
}

# put <file> <value>: the value exactly, no trailing newline.
put() {
  printf '%s' "$2" >"$workdir/$1"
}

# create <secret name> <key>...: from the files named like the keys.
create() {
  local name=$1 key args=()
  shift
  for key in "$@"; do args+=("--from-file=$key=$workdir/$key"); done
  if [[ $dry_run -eq 1 ]]; then
    echo "---"
    "$kubectl" create secret generic "$name" --namespace "$namespace" "${args[@]}" \
      --dry-run=client -o yaml
  elif "$kubectl" get secret "$name" --namespace "$namespace" >/dev/null 2>&1; then
    echo "create-secrets.sh: secret $namespace/$name exists, left unchanged" >&2
  else
    "$kubectl" create secret generic "$name" --namespace "$namespace" "${args[@]}" >&2
  fi
  # Each secret's files go before the next one is written.
  for key in "$@"; do rm -f "${workdir:?}/$key"; done
}

check_jwt_secret() {
  [[ -n ${JWT_SECRET:-} ]] || return 0
  ((${#JWT_SECRET} >= 32)) || die "JWT_SECRET must be at least 32 bytes"
  [[ $JWT_SECRET != *,* ]] ||
    die "JWT_SECRET must not contain a comma (JWT_PREVIOUS_SECRETS is a comma-separated list)"
}

# A service token must never pass for a user's token: its own key, never
# JWT_SECRET (the services refuse to start otherwise).
check_service_jwt_secret() {
  [[ -n ${SERVICE_JWT_SECRET:-} ]] || return 0
  ((${#SERVICE_JWT_SECRET} >= 32)) || die "SERVICE_JWT_SECRET must be at least 32 bytes"
  [[ $SERVICE_JWT_SECRET != "${JWT_SECRET:-}" ]] || die "SERVICE_JWT_SECRET must differ from JWT_SECRET"
}

# Both keys, generated where not given (two draws: never the same).
create_jwt() {
  local jwt_secret=${JWT_SECRET:-$(random_hex 32)}
  local service_jwt_secret=${SERVICE_JWT_SECRET:-$(random_hex 32)}
  [[ $service_jwt_secret != "$jwt_secret" ]] || die "the two generated keys are equal; run again"
  put secret "$jwt_secret"
  put previous-secrets ""
  create todo-jwt secret previous-secrets
  put secret "$service_jwt_secret"
  create todo-service-jwt secret
}

create_dev() {
  local auth_password task_password
  auth_password=$(random_hex 24)
  task_password=$(random_hex 24)
  put superuser-password "$(random_hex 24)"
  put auth-password "$auth_password"
  put task-password "$task_password"
  create todo-postgres superuser-password auth-password task-password
  # The in-cluster PostgreSQL of overlays/dev (postgres-init.yaml makes the roles).
  put auth-database-url "postgresql://todo_auth:$auth_password@postgres:5432/todo_auth"
  put task-database-url "postgresql://todo_tasks:$task_password@postgres:5432/todo_tasks"
  create todo-database auth-database-url task-database-url
}

# A URL for the internet must insist on TLS.
check_prod_url() {
  local name=$1 url=${!1:-}
  [[ -n $url ]] || die "$name must be set (the service's PostgreSQL URL, e.g. from Neon)"
  [[ $url =~ [?\&]sslmode=(require|verify-ca|verify-full)(\&|$) ]] ||
    die "$name must carry sslmode=require (or verify-ca/verify-full)"
}

create_prod() {
  put auth-database-url "$AUTH_DATABASE_URL"
  put task-database-url "$TASK_DATABASE_URL"
  create todo-database auth-database-url task-database-url
}

main() {
  local arg
  for arg in "$@"; do
    case $arg in
      dev | prod) overlay=$arg ;;
      --dry-run) dry_run=1 ;;
      *) die "usage: create-secrets.sh dev|prod [--dry-run]" ;;
    esac
  done
  [[ -n $overlay ]] || die "usage: create-secrets.sh dev|prod [--dry-run]"
  command -v "$kubectl" >/dev/null || die "$kubectl not found"
  workdir=$(umask 077 && mktemp -d)
  trap 'rm -rf "$workdir"' EXIT

  # Checked first, so a bad value creates nothing.
  check_jwt_secret
  check_service_jwt_secret
  if [[ $overlay == prod ]]; then
    check_prod_url AUTH_DATABASE_URL
    check_prod_url TASK_DATABASE_URL
  fi
  create_jwt
  "create_$overlay"
}

main "$@"
