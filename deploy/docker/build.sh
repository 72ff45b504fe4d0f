#!/usr/bin/env bash
# Builds the three images with podman (docs/deploy.md, "Building the images"):
#
#   todo-auth-service   deploy/docker/Dockerfile, target auth-service
#   todo-task-service   deploy/docker/Dockerfile, target task-service
#   todo-proxy          deploy/docker/proxy.Dockerfile (nginx + deploy/nginx,
#                       the API docs and the web app, built here first)
#
# The services are compiled once: the second target reuses the `build` stage
# from podman's layer cache.
#
# Usage:
#   deploy/docker/build.sh            build all three
#   deploy/docker/build.sh --list     print "<image> <dockerfile> <target>" lines (tests read these)
# Environment:
#   TAG       image tag                      [the project version in CMakeLists.txt]
#   REGISTRY  prefix, e.g. ghcr.io/acme      [none: local names]
set -euo pipefail

docker_dir=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$docker_dir/../.." && pwd)
readonly docker_dir repo

# image, Dockerfile (relative to the repository), target ('-' for none).
readonly images=(
  "todo-auth-service deploy/docker/Dockerfile auth-service"
  "todo-task-service deploy/docker/Dockerfile task-service"
  "todo-proxy deploy/docker/proxy.Dockerfile -"
)

say() { echo "build.sh: $*" >&2; }

project_version() {
  sed -n 's/^project([a-z_]* VERSION \([0-9.]*\).*/\1/p' "$repo/CMakeLists.txt"
}

# The proxy image serves the API docs (deploy/nginx/locations/docs.conf):
# built here into build/docs-site, the one part of build/ that
# .dockerignore lets into the context.
build_docs_site() {
  say "building the API docs site into build/docs-site"
  "$repo/docs/site/build.sh" "$repo/build/docs-site" >/dev/null
}

# The proxy image serves the web app at / (deploy/nginx/locations/app.conf):
# web/build.sh writes index.html and assets/ into build/web (the image's
# STATIC_ROOT). Built anew each time, so the image never carries a stale app.
build_web_app() {
  rm -rf "$repo/build/web"
  if [[ ! -x $repo/web/build.sh ]]; then
    say "no web/build.sh: the proxy image serves no app at / (404)"
    mkdir -p "$repo/build/web"
    return 0
  fi
  say "building the web app into build/web"
  "$repo/web/build.sh" "$repo/build/web" >&2
  [[ -f $repo/build/web/index.html ]] || { say "web/build.sh wrote no build/web/index.html"; return 1; }
}

# The dependency stage under a name of its own: the next build starts from
# it, and prune_old_builds keeps it.
build_dependency_stage() {
  say "building the dependency stage (todo-build-deps:cache)"
  pm build --format docker --pull=never --network=host --layers -f "$repo/deploy/docker/Dockerfile" \
    --target deps -t todo-build-deps:cache "$repo" >&2
}

# With the vfs storage every build leaves gigabytes of untagged layers:
# removes those no tagged image needs (older builds, replaced tags).
prune_old_builds() {
  pm image prune --force >/dev/null
}

build_images() {
  local tag=$1 prefix=$2 entry image dockerfile target args started
  for entry in "${images[@]}"; do
    read -r image dockerfile target <<<"$entry"
    args=(--format docker --pull=never --network=host --layers -f "$repo/$dockerfile"
      -t "$prefix$image:$tag")
    [[ $target == - ]] || args+=(--target "$target")
    say "building $prefix$image:$tag"
    started=$SECONDS
    pm build "${args[@]}" "$repo" >&2
    say "built $prefix$image:$tag in $((SECONDS - started))s"
  done
}

main() {
  if [[ ${1:-} == --list ]]; then
    printf '%s\n' "${images[@]}"
    return 0
  fi
  [[ $# -eq 0 ]] || { echo "usage: build.sh [--list]" >&2; return 2; }
  # shellcheck source=deploy/docker/podman.sh
  source "$docker_dir/podman.sh"
  require_podman
  lock_storage
  local tag=${TAG:-$(project_version)} prefix=${REGISTRY:+$REGISTRY/}
  [[ -n $tag ]] || { say "no TAG and no version in CMakeLists.txt"; return 1; }
  ensure_base_image
  build_docs_site
  build_web_app
  build_dependency_stage
  build_images "$tag" "$prefix"
  prune_old_builds
}

main "$@"
