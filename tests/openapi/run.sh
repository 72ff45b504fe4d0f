#!/usr/bin/env bash
# The API description's own checks, one step of tests/run.sh:
#   1. installs the pinned npm packages (scripts/npm-ci.sh; a no-op when current),
#   2. lints docs/openapi.yaml with Redocly CLI (redocly.yaml: zero errors),
#   3. runs the unit tests of the response validator and of the spec's
#      coverage of the contract (node --test).
# The end-to-end suite then validates every real response against the spec
# through validator.mjs (tests/e2e/lib/client.mjs).
set -euo pipefail
readonly dir=$(cd "$(dirname "$0")" && pwd)
cd "$dir"

"$dir/../../scripts/npm-ci.sh" "$dir"

# Redocly CLI would otherwise try to send usage data and check for updates,
# which only waits on the closed network.
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true
echo "openapi: redocly lint docs/openapi.yaml" >&2
# The CLI prints a boxed Node.js-20 deprecation notice; it is not a finding.
status=0
output=$(node_modules/.bin/redocly lint --config redocly.yaml ../../docs/openapi.yaml 2>&1) || status=$?
grep -vE '^ *[╔║╚]' <<<"$output" >&2 || true
[[ $status -eq 0 ]] || { echo "openapi: lint failed" >&2; exit "$status"; }

echo "openapi: validator and contract unit tests" >&2
node --test --test-reporter=spec "$dir"/*.test.mjs
