#!/usr/bin/env bash
# Runs clang-tidy, with the repository's .clang-tidy, over every C++ source
# file of the services and shared/ (headers through HeaderFilterRegex), and
# fails on any finding, naming each with its line. Tests are not linted:
# Catch2's macros trip the bugprone checks by design.
#
# It needs a configured build's compile_commands.json (the include roots of
# each layer live in the build tree). About 4 min on 2 cores: most of it is
# parsing nlohmann/json, SOCI and Pistache headers once per file.
#
# Usage: tests/lint/tidy.sh [build-dir [file...]]
#   build-dir defaults to build/${TEST_PRESET:-dev}; files, to all of them.
set -euo pipefail
cd "$(dirname "$0")/../.."

build_dir=${1:-build/${TEST_PRESET:-dev}}
shift $(($# > 0 ? 1 : 0))
command -v clang-tidy >/dev/null || {
  echo "tidy: clang-tidy is missing (deploy/local/install-deps.sh installs it)" >&2
  exit 1
}
[[ -f $build_dir/compile_commands.json ]] || {
  echo "tidy: no $build_dir/compile_commands.json: configure the build first" >&2
  exit 1
}

if [[ $# -gt 0 ]]; then
  files=("$@")
else
  mapfile -t files < <(git ls-files -- 'shared/*.cpp' 'auth-service/*.cpp' 'task-service/*.cpp')
fi
report=$(mktemp)
trap 'rm -f "$report"' EXIT

# One clang-tidy per file, as many at once as there are cores; each file's
# findings come out whole. A finding is an error (--warnings-as-errors), so
# the exit status says whether anything was found.
status=0
printf '%s\n' "${files[@]}" |
  xargs -P "$(nproc)" -I{} sh -c \
    'out=$(clang-tidy -p "$1" --quiet --warnings-as-errors="*" "$2" 2>/dev/null) || { printf "%s\n" "$out"; exit 1; }' \
    _ "$build_dir" {} >"$report" || status=$?

if [[ $status -ne 0 ]]; then
  # The finding lines, each once (a header's is reported by every file including it).
  grep -E '(warning|error): ' "$report" | sort -u >&2 || cat "$report" >&2
  echo "tidy: findings above (.clang-tidy); fix them, or say in .clang-tidy why a check does not apply" >&2
  exit 1
fi
echo "tidy: ${#files[@]} files, no findings"
