#!/usr/bin/env bash
# The browser test of the interactive API docs: opens /docs of a running
# stack in headless Chromium (Debian's package, /usr/bin/chromium, driven by
# playwright-core from npm), signs in through "Authorize" and runs "Try it
# out" (docs.test.mjs). It does not start the stack: tests/e2e/run.sh calls
# it while its stack is up, or run it yourself against deploy/local/run.sh.
#
# Usage: E2E_BASE_URL=http://127.0.0.1:8080 tests/browser/run.sh
#   BROWSER_SCREENSHOT_DIR=<dir>  also leave a screenshot of each test's end
set -euo pipefail
readonly dir=$(cd "$(dirname "$0")" && pwd)
readonly repo=$(cd "$dir/../.." && pwd)

"$repo/deploy/local/install-deps.sh" --with-chromium

# npm packages exactly as package-lock.json pins them, reinstalled only when
# the lock file changed. playwright-core downloads no browser.
"$repo/scripts/npm-ci.sh" "$dir"

echo "browser: /docs in headless Chromium against ${E2E_BASE_URL:-http://127.0.0.1:8080}" >&2
node --test --test-reporter=spec --test-timeout=180000 "$dir"/*.test.mjs
