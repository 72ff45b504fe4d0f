#!/usr/bin/env bash
# The browser tests, in headless Chromium (Debian's package,
# /usr/bin/chromium, driven by playwright-core from npm) against a running
# stack:
#   docs.test.mjs  the interactive API docs at /docs: signs in through
#                  "Authorize" and runs "Try it out";
#   app.test.mjs   the web app at / (web/): sign up, tasks, filters, paging,
#                  the account page, sessions, two users; axe-core on each page.
# It does not start the stack: tests/e2e/run.sh calls it while its stack is
# up, or run it yourself against deploy/local/run.sh.
#
# Usage: E2E_BASE_URL=http://127.0.0.1:8080 tests/browser/run.sh [test files]
#   BROWSER_SCREENSHOT_DIR=<dir>  where the screenshots go   [tests/browser/out, git-ignored]
set -euo pipefail
readonly dir=$(cd "$(dirname "$0")" && pwd)
readonly repo=$(cd "$dir/../.." && pwd)

"$repo/deploy/local/install-deps.sh" --with-chromium

# npm packages exactly as package-lock.json pins them, reinstalled only when
# the lock file changed. playwright-core downloads no browser.
"$repo/scripts/npm-ci.sh" "$dir"

export BROWSER_SCREENSHOT_DIR=${BROWSER_SCREENSHOT_DIR:-$dir/out}
mkdir -p "$BROWSER_SCREENSHOT_DIR"
files=("$@")
[[ ${#files[@]} -gt 0 ]] || files=("$dir"/*.test.mjs)
echo "browser: ${files[*]##*/} in headless Chromium against ${E2E_BASE_URL:-http://127.0.0.1:8080}" >&2
started=$SECONDS
status=0
node --test --test-reporter=spec --test-timeout=300000 "${files[@]}" || status=$?
echo "browser: took $((SECONDS - started))s; screenshots in $BROWSER_SCREENSHOT_DIR" >&2
exit "$status"
