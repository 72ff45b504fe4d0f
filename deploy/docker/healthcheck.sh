#!/bin/bash
# The images' HEALTHCHECK: one HTTP GET on 127.0.0.1 with bash's /dev/tcp, so
# the runtime images need no curl.
#
# Usage: healthcheck <port> <path> <expected status>
# Exit 0 when the status line carries the expected status, 1 otherwise.
set -uo pipefail

port=${1:?usage: healthcheck <port> <path> <status>}
path=${2:?usage: healthcheck <port> <path> <status>}
expected=${3:?usage: healthcheck <port> <path> <status>}

exec 3<>"/dev/tcp/127.0.0.1/$port" || exit 1
printf 'GET %s HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n' "$path" >&3
IFS=' ' read -r -t 3 _version status _reason <&3 || exit 1
[[ $status == "$expected" ]]
