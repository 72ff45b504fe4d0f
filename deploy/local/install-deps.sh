#!/usr/bin/env bash
# Installs every Debian package the build, the tests and the local stack need.
# Idempotent and quiet: when everything is present it only checks and exits;
# `apt-get update` runs only when something is missing. Root runs apt-get
# directly, anyone else through sudo.
#
# Usage: deploy/local/install-deps.sh [--with-containers] [--with-node] [--with-chromium]
#        deploy/local/install-deps.sh --build-only   (only what compiling needs: the
#                                                   build stage of deploy/docker/Dockerfile)
set -euo pipefail

build_packages=(
  # toolchain
  build-essential cmake pkg-config git ca-certificates curl python3
  # libraries
  libpistache-dev libcpp-jwt-dev libssl-dev libbotan-2-dev libsoci-dev libboost-dev libpq-dev
  libspdlog-dev libfmt-dev catch2 nlohmann-json3-dev libcurl4-openssl-dev
)
packages=(
  "${build_packages[@]}"
  # runtime pieces of the stack and the tests
  postgresql postgresql-contrib nginx wrk procps iproute2 python3-bcrypt python3-jwt
  # envsubst, for deploy/nginx/render.sh
  gettext-base
  # DB_POOLER=transaction: run.sh and tests/pooler put PgBouncer (transaction
  # mode) between the services and PostgreSQL. Only the program is used, with
  # our own configuration and port; the system service Debian may enable on
  # port 6432 is neither needed nor touched.
  pgbouncer
  # tests/lint/format.sh and tests/lint/tidy.sh
  clang-format clang-tidy
)
# Node.js for the end-to-end tests (tests/e2e) and the docs site build that
# deploy/local/run.sh does; Debian's only where none is installed (see --with-node).
command -v node >/dev/null && command -v npm >/dev/null || packages+=(nodejs npm)
for arg in "$@"; do
  case "$arg" in
    # The toolchain and the libraries only, none of the stack or the tests.
    --build-only) packages=("${build_packages[@]}") ;;
    --with-containers) packages+=(podman runc mmdebstrap uidmap slirp4netns fuse-overlayfs) ;;
    # Debian's nodejs and npm only where no Node.js is installed: the
    # project's machines come with NodeSource's nodejs (npm included), which
    # conflicts with Debian's npm package.
    --with-node)
      command -v node >/dev/null && command -v npm >/dev/null || packages+=(nodejs npm)
      packages+=(chromium) ;;
    # Only the browser, for tests/browser (/usr/bin/chromium).
    --with-chromium) packages+=(chromium) ;;
    *) echo "install-deps.sh: unknown option $arg" >&2; exit 2 ;;
  esac
done

missing=()
for pkg in "${packages[@]}"; do
  # dpkg-query prints "install ok installed" only for a fully installed package.
  status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$pkg")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

if [[ $(id -u) -eq 0 ]]; then sudo=(); else sudo=(sudo); fi
echo "install-deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
