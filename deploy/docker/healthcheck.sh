#!/bin/bash
# Container health check: GET /health/live on the node's HTTP port (HEALTHCHECK_PORT, default 8080). The
# runtime image has no curl or wget, so the request goes through bash's /dev/tcp.
set -euo pipefail
port=${HEALTHCHECK_PORT:-8080}
exec 3<>"/dev/tcp/127.0.0.1/$port"
printf 'GET /health/live HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3
IFS= read -r -t 3 status <&3
[[ $status == *" 200 "* ]]
