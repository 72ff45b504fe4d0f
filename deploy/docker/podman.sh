# shellcheck shell=bash
# podman as it works on the project's machines (sourced by build.sh and
# test.sh; docs/deploy.md, "podman on the project's machines", explains why):
#   - runc, cgroupfs and the vfs storage driver, on every call;
#   - containers.conf without podman's default ulimits (CONTAINERS_CONF);
#   - a storage of its own (TODO_PODMAN_ROOT, default /var/lib/todo-podman),
#     so the vfs driver never meets another storage's driver and removing it
#     removes everything these scripts made;
#   - the Debian 12 base image made from Debian's own packages with
#     mmdebstrap and imported under the name the Dockerfiles use, since no
#     container registry is reachable (ensure_base_image).

podman_docker_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
readonly podman_docker_dir
readonly podman_root=${TODO_PODMAN_ROOT:-/var/lib/todo-podman}
readonly base_image=docker.io/library/debian:bookworm-slim

export CONTAINERS_CONF=${CONTAINERS_CONF:-$podman_docker_dir/containers.conf}

# The global flags, for commands that wrap podman (timeout).
readonly pm_flags=(--root "$podman_root/storage" --runroot /run/todo-podman
  --storage-driver=vfs --cgroup-manager=cgroupfs --runtime runc)

# pm <podman arguments...>
pm() {
  podman "${pm_flags[@]}" "$@"
}

# One build or test at a time per storage: a second one waits. Two at once
# would retag each other's images, and build.sh's prune would remove layers
# the other build is still using. Nested calls (test.sh runs build.sh) hold
# the lock already: TODO_PODMAN_LOCKED says so.
lock_storage() {
  [[ -z ${TODO_PODMAN_LOCKED:-} ]] || return 0
  mkdir -p "$podman_root"
  exec 8>>"$podman_root/lock"
  if ! flock -n 8; then
    echo "podman.sh: another build or test uses $podman_root; waiting for it" >&2
    flock 8
  fi
  export TODO_PODMAN_LOCKED=1
}

require_podman() {
  local tool
  for tool in podman runc mmdebstrap; do
    command -v "$tool" >/dev/null || {
      echo "podman.sh: $tool is missing; run deploy/local/install-deps.sh --with-containers" >&2
      return 1
    }
  done
  [[ $(id -u) -eq 0 ]] || {
    echo "podman.sh: run as root (rootful podman; see docs/deploy.md)," \
      "or skip the container tests with TEST_CONTAINERS=0 tests/run.sh" >&2
    return 1
  }
}

# Makes $base_image when the storage does not have it yet (about a minute
# and 170 MB, once per machine). BASE_IMAGE_TAR: an mmdebstrap tarball to
# import instead of making one.
ensure_base_image() {
  pm image exists "$base_image" && return 0
  local tar=${BASE_IMAGE_TAR:-} made=""
  if [[ -z $tar ]]; then
    made=$(mktemp -d "${TMPDIR:-/tmp}/todo-bookworm.XXXXXX")
    tar=$made/bookworm.tar
    echo "podman.sh: making $base_image with mmdebstrap (once per machine)" >&2
    # As the official slim image is configured (debuerreotype): dpkg without
    # fsync for every file (much faster image builds), no manuals, docs or
    # translations, no package-list translations.
    mmdebstrap --quiet --variant=minbase \
      --dpkgopt=force-unsafe-io \
      --dpkgopt='path-exclude=/usr/share/man/*' --dpkgopt='path-exclude=/usr/share/info/*' \
      --dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-include=/usr/share/doc/*/copyright' \
      --dpkgopt='path-exclude=/usr/share/locale/*' --dpkgopt='path-exclude=/usr/share/groff/*' \
      --dpkgopt='path-exclude=/usr/share/lintian/*' --dpkgopt='path-exclude=/usr/share/linda/*' \
      --aptopt='Acquire::Languages "none"' --aptopt='APT::AutoRemove::SuggestsImportant "false"' \
      bookworm "$tar" ||
      { rm -rf "$made"; echo "podman.sh: mmdebstrap failed" >&2; return 1; }
  fi
  pm import --quiet "$tar" "$base_image" >/dev/null
  [[ -z $made ]] || rm -rf "$made"
}
