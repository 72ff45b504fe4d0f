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
# and, in prod when a URL names the mounted CA file, the ConfigMap
#   todo-db-ca        ca.crt            the database's CA bundle (public, not a secret),
#                                       mounted at /etc/todo/db-ca in the pods
#
# Usage:
#   deploy/k8s/create-secrets.sh dev [--dry-run]
#   AUTH_DATABASE_URL='postgresql://...?sslmode=verify-full&sslrootcert=/etc/ssl/certs/ca-certificates.crt&channel_binding=require' \
#   TASK_DATABASE_URL='postgresql://...?sslmode=verify-full&sslrootcert=/etc/ssl/certs/ca-certificates.crt&channel_binding=require' \
#     deploy/k8s/create-secrets.sh prod [--dry-run]
#
# In prod each URL must verify the server (docs/operations.md, "Managed
# PostgreSQL"): sslmode=verify-full, and sslrootcert naming a file the pods
# have: the images' system bundle /etc/ssl/certs/ca-certificates.crt (CAs
# such as Let's Encrypt: Neon; Amazon: RDS Proxy), or /etc/todo/db-ca/ca.crt,
# the ConfigMap todo-db-ca made from DB_CA_FILE (a provider's own CA: RDS,
# Supabase, Cloud SQL). sslmode=disable only for a proxy in the pod itself
# (host localhost or 127.0.0.1, e.g. the Cloud SQL Auth Proxy), with
# channel_binding=disable. And channel_binding=require: the login is bound to
# the TLS connection (SCRAM-SHA-256-PLUS), so the server must prove it holds
# the role's SCRAM secret over this very connection; where the server cannot
# (a pooler that terminates TLS and offers no channel binding: PgBouncer,
# Supabase's Supavisor; a role whose password is stored as MD5),
# channel_binding=disable with ALLOW_NO_CHANNEL_BINDING=1.
#
# Environment: NAMESPACE [todo]; JWT_SECRET and SERVICE_JWT_SECRET (each
# >= 32 bytes, never the same) to use keys of your own instead of generated
# ones; DB_CA_FILE, a local PEM file for todo-db-ca; ALLOW_SSLMODE_VERIFY_CA=1
# to accept sslmode=verify-ca where the server's certificate cannot name the
# host (Cloud SQL by IP with its per-instance CA); ALLOW_NO_CHANNEL_BINDING=1
# to accept channel_binding=disable (or prefer) where the server offers no
# channel binding; KUBECTL [kubectl].
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
uses_db_ca=0 # 1 when a prod URL names the mounted CA file

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

# --- prod: the database URLs must verify the server -------------------------------

# Files the pods have (overlays/prod mounts todo-db-ca at db_ca_dir).
readonly system_bundle=/etc/ssl/certs/ca-certificates.crt
readonly db_ca_dir=/etc/todo/db-ca
readonly db_ca_file=$db_ca_dir/ca.crt
# The ports the NetworkPolicy database-clients-egress lets the pods reach in
# prod: PostgreSQL's own, and the transaction poolers' (Supabase, PgBouncer).
readonly egress_ports="5432 6543"

# conn_param <conninfo> <keyword>: its value in a URI's query or a keyword/value
# string, percent-decoded; empty when absent.
conn_param() {
  local value
  [[ $1 =~ (^|[?\&[:space:]])$2=([^\&[:space:]]*) ]] || return 0
  value=${BASH_REMATCH[2]}
  printf '%b' "${value//%/\\x}"
}

# conn_hosts <conninfo>: "host:port" words (port empty when not given), from a
# URI's authority (after any user:password@) or the host and port keywords.
conn_hosts() {
  local url=$1 authority host hosts=() port entry
  host=$(conn_param "$url" host)
  port=$(conn_param "$url" port)
  if [[ -z $host && $url =~ ^postgres(ql)?:// ]]; then
    authority=${url#*://}
    authority=${authority%%[/?]*}
    authority=${authority##*@}
    IFS=, read -r -a hosts <<<"$authority"
    for entry in "${hosts[@]}"; do
      if [[ $entry =~ ^(\[[^]]*\]|[^:]*)(:([0-9]*))?$ ]]; then
        echo "${BASH_REMATCH[1]}:${port:-${BASH_REMATCH[3]}}"
      fi
    done
    return 0
  fi
  IFS=, read -r -a hosts <<<"$host"
  for entry in "${hosts[@]}"; do echo "$entry:$port"; done
}

# Only a proxy inside the pod itself (a sidecar such as the Cloud SQL Auth
# Proxy, which encrypts and authenticates on its own) may be reached in
# plain text: the traffic never leaves the pod.
only_loopback_hosts() {
  local entry found=0
  while IFS= read -r entry; do
    found=1
    [[ ${entry%:*} =~ ^(localhost|127\.0\.0\.1|\[::1\])$ ]] || return 1
  done < <(conn_hosts "$1")
  ((found == 1))
}

# Pods may connect out only to the ports of database-clients-egress; say so
# rather than let the pods time out.
warn_about_port() {
  local entry port
  while IFS= read -r entry; do
    port=${entry##*:}
    [[ -z $port || " $egress_ports " == *" $port "* ]] && continue
    echo "create-secrets.sh: warning: $1 uses port $port; the NetworkPolicy" \
      "database-clients-egress lets the pods out to ${egress_ports// / and } only: add it there" >&2
  done < <(conn_hosts "$2")
}

# check_sslmode <name> <sslmode> <url>: verify-full, or why not.
check_sslmode() {
  local name=$1 mode=$2 url=$3
  case $mode in
    verify-full) ;;
    verify-ca)
      [[ ${ALLOW_SSLMODE_VERIFY_CA:-0} == 1 ]] ||
        die "$name has sslmode=verify-ca, which checks who signed the server's certificate" \
          "but not that it names the host: any server with a certificate from that CA (at a" \
          "provider: another customer's) could pose as your database. Use sslmode=verify-full;" \
          "only where the certificate cannot name the host you connect to (Cloud SQL by IP" \
          "with its per-instance CA) set ALLOW_SSLMODE_VERIFY_CA=1."
      echo "create-secrets.sh: warning: $name: sslmode=verify-ca (ALLOW_SSLMODE_VERIFY_CA=1):" \
        "the server's host name is not checked" >&2
      ;;
    disable)
      only_loopback_hosts "$url" ||
        die "$name has sslmode=disable: the database must be reached over TLS with" \
          "sslmode=verify-full (plain text is only for a proxy in the pod itself, on localhost)"
      ;;
    "")
      die "$name names no sslmode: add sslmode=verify-full (and sslrootcert=...)," \
        "so the connection is encrypted and the server proven to be your database"
      ;;
    *)
      die "$name has sslmode=$mode, which does not check the server's certificate:" \
        "whoever sits in between can pose as your database and read or change every query." \
        "Use sslmode=verify-full with sslrootcert=$system_bundle or $db_ca_file."
      ;;
  esac
}

# check_sslrootcert <name> <value>: a file the pods have.
check_sslrootcert() {
  local name=$1 rootcert=$2
  case $rootcert in
    "$system_bundle") ;;
    "$db_ca_file") uses_db_ca=1 ;;
    system)
      die "$name has sslrootcert=system, which libpq learned in PostgreSQL 16; the images'" \
        "libpq 15 (Debian 12) would look for a file named 'system'. Use" \
        "sslrootcert=$system_bundle, the same system bundle."
      ;;
    "")
      die "$name names no sslrootcert: without it libpq looks for ~/.postgresql/root.crt," \
        "which the pods do not have. Use sslrootcert=$system_bundle (a public CA, e.g." \
        "Neon's) or sslrootcert=$db_ca_file with DB_CA_FILE (the provider's own CA)."
      ;;
    *)
      die "$name has sslrootcert=$rootcert, not a file in the pods: use $system_bundle" \
        "(the images' system bundle) or $db_ca_file (the ConfigMap todo-db-ca, from DB_CA_FILE)"
      ;;
  esac
}

# Where channel binding cannot work, for the messages below.
no_channel_binding="PgBouncer (no version offers it: Supabase's dedicated pooler, a"
no_channel_binding+=" PgBouncer of your own), Supabase's shared pooler Supavisor (ports 5432"
no_channel_binding+=" and 6543), a role whose password is stored as MD5 (docs/operations.md,"
no_channel_binding+=" \"Managed PostgreSQL\", goes through the providers)"
readonly no_channel_binding

# check_channel_binding <name> <channel_binding> <sslmode>: require, or why
# not. overlays/prod sets PGCHANNELBINDING=require, which libpq applies to a
# URL that names no channel_binding, so a URL that cannot bind must say so.
check_channel_binding() {
  local name=$1 binding=$2 mode=$3
  if [[ $mode == disable ]]; then
    [[ $binding == disable ]] ||
      die "$name reaches a proxy in the pod without TLS (sslmode=disable): add" \
        "channel_binding=disable, since there is no TLS connection to bind the login to" \
        "(the proxy verifies the server), and the prod overlay's PGCHANNELBINDING=require" \
        "would otherwise refuse to connect"
    return 0
  fi
  case $binding in
    require) ;;
    disable | prefer)
      [[ ${ALLOW_NO_CHANNEL_BINDING:-0} == 1 ]] ||
        die "$name has channel_binding=$binding: use channel_binding=require, so the login is" \
          "bound to this TLS connection and the server must prove it knows the role's" \
          "SCRAM secret (prefer gives that up silently whenever the server does not offer" \
          "it). Only where the server cannot do channel binding, set ALLOW_NO_CHANNEL_BINDING=1" \
          "and write channel_binding=disable: $no_channel_binding."
      echo "create-secrets.sh: warning: $name: channel_binding=$binding" \
        "(ALLOW_NO_CHANNEL_BINDING=1): the login is not bound to the TLS connection" >&2
      ;;
    "")
      [[ ${ALLOW_NO_CHANNEL_BINDING:-0} != 1 ]] ||
        die "$name names no channel_binding; with ALLOW_NO_CHANNEL_BINDING=1 write" \
          "channel_binding=disable in it, because the prod overlay's PGCHANNELBINDING=require" \
          "applies to a URL that names none"
      die "$name names no channel_binding: add channel_binding=require (libpq 13 and later," \
        "SCRAM-SHA-256-PLUS), which Neon and PostgreSQL itself (RDS, Cloud SQL, Supabase's" \
        "direct host) support; the prod overlay's PGCHANNELBINDING=require asks for it anyway." \
        "Where the server cannot: channel_binding=disable with ALLOW_NO_CHANNEL_BINDING=1," \
        "for $no_channel_binding."
      ;;
    *)
      die "$name has channel_binding=$binding: libpq knows require, prefer and disable"
      ;;
  esac
}

# A URL for the internet must encrypt and verify the server: sslmode=verify-full
# and a root certificate the pods have, and bind the login to that connection
# (docs/operations.md, "Managed PostgreSQL").
check_prod_url() {
  local name=$1 url=${!1:-} mode
  [[ -n $url ]] || die "$name must be set (the service's PostgreSQL URL, e.g. from Neon)"
  mode=$(conn_param "$url" sslmode)
  check_sslmode "$name" "$mode" "$url"
  [[ $mode == disable ]] || check_sslrootcert "$name" "$(conn_param "$url" sslrootcert)"
  check_channel_binding "$name" "$(conn_param "$url" channel_binding)" "$mode"
  warn_about_port "$name" "$url"
}

# The CA file behind $db_ca_file must be a PEM certificate (bundle).
check_db_ca_file() {
  [[ $uses_db_ca -eq 1 ]] || return 0
  [[ -n ${DB_CA_FILE:-} ]] ||
    die "a URL names sslrootcert=$db_ca_file: set DB_CA_FILE to the provider's CA bundle" \
      "(a PEM file, e.g. RDS's global-bundle.pem, Supabase's prod-ca-2021.crt)"
  [[ -r $DB_CA_FILE ]] || die "DB_CA_FILE $DB_CA_FILE cannot be read"
  grep -q -- '-----BEGIN CERTIFICATE-----' "$DB_CA_FILE" ||
    die "DB_CA_FILE $DB_CA_FILE holds no PEM certificate"
  if command -v openssl >/dev/null; then
    openssl x509 -noout -in "$DB_CA_FILE" 2>/dev/null ||
      die "DB_CA_FILE $DB_CA_FILE is not a readable certificate"
  fi
}

# The CA bundle as the ConfigMap todo-db-ca (key ca.crt), which overlays/prod
# mounts at $db_ca_dir. Left alone when it exists, like the Secrets; replace
# it with `kubectl apply` when the provider rotates its CA (docs/deploy.md).
create_db_ca() {
  [[ $uses_db_ca -eq 1 ]] || return 0
  if [[ $dry_run -eq 1 ]]; then
    echo "---"
    "$kubectl" create configmap todo-db-ca --namespace "$namespace" \
      --from-file=ca.crt="$DB_CA_FILE" --dry-run=client -o yaml
  elif "$kubectl" get configmap todo-db-ca --namespace "$namespace" >/dev/null 2>&1; then
    echo "create-secrets.sh: configmap $namespace/todo-db-ca exists, left unchanged" >&2
  else
    "$kubectl" create configmap todo-db-ca --namespace "$namespace" --from-file=ca.crt="$DB_CA_FILE" >&2
  fi
}

create_prod() {
  put auth-database-url "$AUTH_DATABASE_URL"
  put task-database-url "$TASK_DATABASE_URL"
  create todo-database auth-database-url task-database-url
  create_db_ca
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
    check_db_ca_file
  fi
  create_jwt
  "create_$overlay"
}

main "$@"
