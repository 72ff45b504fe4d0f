#!/usr/bin/env bash
# The deployment's static checks, one step of tests/run.sh (no cluster, no
# container engine needed):
#   - every kustomize overlay renders (kubectl kustomize), every object is
#     valid against the Kubernetes API schemas, policies hold;
#   - the Ingress, the todo-proxy Deployment, deploy/nginx, the Dockerfiles,
#     the compose file and the container test agree with each other and with
#     the services;
#   - deploy/nginx, run by the real nginx, never routes /internal/, and with
#     todo-proxy's Kubernetes file passes on the client the ingress reports.
# Needs node/npm (scripts/npm-ci.sh installs the pinned packages), kubectl
# 1.27 or newer (kustomize v5) and nginx (skipped without it), which the
# project's machines have.
set -euo pipefail
dir=$(cd "$(dirname "$0")" && pwd)
readonly dir

"$dir/../../scripts/npm-ci.sh" "$dir"
node --test --test-reporter=spec "$dir"/*.test.mjs
