#!/usr/bin/env bash
# Builds the web app into static files: <out-dir>/index.html and
# <out-dir>/assets/* (hashed names, cacheable forever), plus favicon.svg.
# Installs the npm packages first (scripts/npm-ci.sh: only when the lock file
# changed), type-checks, builds with Vite, and prints the initial JavaScript
# size (the gzip -9 sizes of the JS files index.html loads, summed); fails when
# that is over 80 KB or when index.html has an inline script (the CSP forbids
# them). Needs no network once the packages are installed; regenerates nothing
# (src/api/schema.d.ts is committed; `npm run generate` remakes it).
#
# Usage: web/build.sh <out-dir>      e.g. web/build.sh .data/www
set -euo pipefail

[[ $# -eq 1 ]] || { echo "usage: web/build.sh <out-dir>" >&2; exit 2; }
web=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
readonly web repo=${web%/web}
out=$(realpath -m "$1")
readonly out limit_bytes=$((80 * 1024))

say() { echo "build.sh: $*" >&2; }

"$repo/scripts/npm-ci.sh" "$web"
cd "$web"
node_modules/.bin/tsc --noEmit

# Build into a temp dir first: a failed build or check leaves <out-dir> as it was.
staging=$(mktemp -d "${TMPDIR:-/tmp}/todo-web-build.XXXXXX")
trap 'rm -rf "$staging"' EXIT
node_modules/.bin/vite build --outDir "$staging" --emptyOutDir --logLevel warn

index=$staging/index.html
[[ -f $index ]] || { say "vite wrote no index.html"; exit 1; }
# Every <script> must load a file: no inline code (CSP: script-src 'self').
if grep -o '<script[^>]*>' "$index" | grep -vq 'src='; then
  say "index.html has an inline <script>; the Content-Security-Policy forbids it"
  exit 1
fi

# The initial JavaScript: module scripts and modulepreloads of index.html.
mapfile -t scripts < <(grep -oE '<(script|link)[^>]*>' "$index" |
  grep -E 'type="module"|rel="modulepreload"' |
  grep -oE '(src|href)="[^"]+\.js"' | sed -E 's/^(src|href)="\/?//; s/"$//' | sort -u)
[[ ${#scripts[@]} -gt 0 ]] || { say "index.html loads no JavaScript"; exit 1; }
total=0
for script in "${scripts[@]}"; do
  [[ -f $staging/$script ]] || { say "index.html loads $script, which was not built"; exit 1; }
  total=$((total + $(gzip -9 -c "$staging/$script" | wc -c)))
done
kb=$(awk -v b="$total" 'BEGIN { printf "%.1f", b / 1024 }')
echo "web: initial JavaScript ${kb} KB gzip (${total} bytes, limit 80 KB): ${scripts[*]}"
if ((total > limit_bytes)); then
  say "initial JavaScript is over 80 KB gzip"
  exit 1
fi

# Replace the previous build: its assets/ go, the rest is overwritten.
mkdir -p "$out"
rm -rf "$out/assets"
cp -R "$staging/." "$out/"
say "built into $out"
