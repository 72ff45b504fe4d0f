#!/usr/bin/env bash
# Fails when a C++ file the repository tracks is not formatted as the
# repository's .clang-format says, and names each such file with the first
# lines that differ. Seconds for the whole tree.
#
# Usage: tests/lint/format.sh            check
#        tests/lint/format.sh --fix      reformat in place
set -euo pipefail
cd "$(dirname "$0")/../.."

command -v clang-format >/dev/null || {
  echo "format: clang-format is missing (deploy/local/install-deps.sh installs it)" >&2
  exit 1
}
# Untracked (not ignored) files too, so --fix reaches a file before its first commit.
mapfile -t files < <(git ls-files --cached --others --exclude-standard -- '*.cpp' '*.hpp' \
  ':!:tests/architecture/violating/*')
if [[ ${1:-} == --fix ]]; then
  clang-format -i "${files[@]}"
  exit 0
fi

bad=0
for file in "${files[@]}"; do
  if ! clang-format --dry-run --Werror "$file" >/dev/null 2>&1; then
    echo "format: $file is not formatted (tests/lint/format.sh --fix):" >&2
    diff <(cat "$file") <(clang-format "$file") | head -n 8 >&2 || true
    bad=$((bad + 1))
  fi
done
if ((bad > 0)); then
  echo "format: $bad of ${#files[@]} files need formatting" >&2
  exit 1
fi
echo "format: ${#files[@]} files formatted as .clang-format says"
