#!/usr/bin/env bash
# The web app's checks, what tests/run.sh calls: installs the npm packages
# (scripts/npm-ci.sh), type-checks (tsc --noEmit) and runs the unit tests
# (vitest: the API client's error mapping, tokens and paging, and that
# src/api/schema.d.ts is fresh from docs/openapi.yaml). Ends with one line
# "web: N passed, N failed". Needs no network once the packages are installed.
#
# Usage: web/test.sh [vitest arguments, e.g. a test file's name]
set -euo pipefail

web=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
readonly web repo=${web%/web}

"$repo/scripts/npm-ci.sh" "$web"
cd "$web"
node_modules/.bin/tsc --noEmit

report=$(mktemp "${TMPDIR:-/tmp}/todo-web-tests.XXXXXX")
trap 'rm -f "$report"' EXIT
status=0
node_modules/.bin/vitest run --reporter=default --reporter=json --outputFile.json="$report" "$@" || status=$?
node -e '
  const fs = require("fs");
  let r = {};
  try { r = JSON.parse(fs.readFileSync(process.argv[1], "utf8")); } catch {}
  const skipped = (r.numPendingTests || 0) + (r.numTodoTests || 0);
  console.log(`web: ${r.numPassedTests || 0} passed, ${r.numFailedTests || 0} failed` +
    (skipped ? `, ${skipped} skipped` : ""));
' "$report"
exit "$status"
