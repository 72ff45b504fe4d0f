#!/usr/bin/env bash
# Prints the Debian packages that hold the shared libraries an executable
# loads (as ldd resolves them in the build stage), one per line, sorted.
# The runtime stage installs exactly these: no compiler, no -dev package, and
# no list to keep in step by hand when a library is added. Fails when a
# library is missing or belongs to no package.
#
# Usage: runtime-packages.sh <executable>...
set -euo pipefail

# dpkg records a library under the path its package ships it at; with
# Debian's merged /usr that may be /lib/... or /usr/lib/..., whichever ldd
# printed. Tries both, and the resolved file behind a symlink.
owner_of() {
  local lib=$1 candidate
  for candidate in "$lib" "/usr$lib" "${lib#/usr}" "$(readlink -f "$lib")"; do
    [[ -n $candidate ]] || continue
    dpkg-query -S "$candidate" 2>/dev/null | head -n1 | cut -d: -f1 && return 0
  done
  echo "runtime-packages.sh: no package owns $lib" >&2
  return 1
}

main() {
  [[ $# -ge 1 ]] || { echo "usage: runtime-packages.sh <executable>..." >&2; exit 2; }
  local executable output lib
  for executable in "$@"; do
    output=$(ldd "$executable")
    if grep -q 'not found' <<<"$output"; then
      echo "runtime-packages.sh: $executable: unresolved libraries:" >&2
      grep 'not found' <<<"$output" >&2
      exit 1
    fi
    # "libfoo.so.1 => /usr/lib/x86_64-linux-gnu/libfoo.so.1 (0x...)" and the
    # loader itself ("/lib64/ld-linux-x86-64.so.2 (0x...)"); not linux-vdso.
    while read -r lib; do
      owner_of "$lib"
    done < <(awk '$2 == "=>" && $3 ~ /^\// { print $3 } $1 ~ /^\// { print $1 }' <<<"$output")
  done | sort -u
}

main "$@"
