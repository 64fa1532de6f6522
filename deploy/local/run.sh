#!/usr/bin/env bash
# The process-level twin of deploy/docker-compose.yml: the same topology (one Valkey, three silos, two
# gateways) as processes on 127.0.0.1, started with the same environment variables: the shared files in
# deploy/config/ plus the per-node keys the compose file sets (addresses and ports). redis-server stands in
# for Valkey where valkey-server is not installed.
#
# Usage:
#   deploy/local/run.sh [start]   start everything, wait until every node is ready, print where each listens
#   deploy/local/run.sh status    say which of the started processes are alive
#   deploy/local/run.sh stop      stop what start started (by PID: gateways, then silos, then Valkey)
#
# Ports and paths can be overridden (the end-to-end test gives free ports this way):
#   VALKEY_PORT (16379)  SILO_HTTP_PORTS ("8080 8081 8082")  SILO_PORTS ("11111 11112 11113")
#   SILO_GATEWAY_PORTS ("30000 30001 30002")  GATEWAY_HTTP_PORTS ("8091 8092")
#   GATEWAY_AUTH_PORTS ("1812 11812")  GATEWAY_ACCT_PORTS ("1813 11813")
#   GATEWAY_ADDRESSES ("127.0.0.1 127.0.0.1": the address each gateway's UDP listeners bind, e.g. two
#     addresses of a host behind deploy/nginx/radius-udp.conf)
#   TWIN_DIR (deploy/local/.run: PIDs, logs, Valkey data)  DOTNET  SILO_DLL  GATEWAY_DLL  TWIN_READY_TIMEOUT (180 s)
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
config="$root/deploy/config"
state=${TWIN_DIR:-$here/.run}
pids="$state/pids"

VALKEY_PORT=${VALKEY_PORT:-16379}
read -r -a silo_http <<<"${SILO_HTTP_PORTS:-8080 8081 8082}"
read -r -a silo_ports <<<"${SILO_PORTS:-11111 11112 11113}"
read -r -a silo_gateway_ports <<<"${SILO_GATEWAY_PORTS:-30000 30001 30002}"
read -r -a gateway_http <<<"${GATEWAY_HTTP_PORTS:-8091 8092}"
read -r -a gateway_auth <<<"${GATEWAY_AUTH_PORTS:-1812 11812}"
read -r -a gateway_acct <<<"${GATEWAY_ACCT_PORTS:-1813 11813}"
read -r -a gateway_addresses <<<"${GATEWAY_ADDRESSES:-127.0.0.1 127.0.0.1}"
dotnet=${DOTNET:-dotnet}
silo_dll=${SILO_DLL:-$root/Silo/bin/Release/net10.0/Orleans.Radius.Silo.dll}
gateway_dll=${GATEWAY_DLL:-$root/UdpGateway/bin/Release/net10.0/Orleans.Radius.UdpGateway.dll}
ready_timeout=${TWIN_READY_TIMEOUT:-180}

# KEY=VALUE lines of an env file (comments and blank lines skipped), one per output line.
env_lines() {
  grep -Ev '^[[:space:]]*(#|$)' "$1"
}

# Starts a detached process with its output in $state/logs/NAME.log and records "NAME PID".
spawn() {
  local name=$1
  shift
  "$@" </dev/null >"$state/logs/$name.log" 2>&1 &
  echo "$name $!" >>"$pids"
}

# True while PID is alive and still one of ours (guards against a reused PID).
ours() {
  local pid=$1
  [[ -r /proc/$pid/cmdline ]] && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -Eq 'Orleans\.Radius|redis-server|valkey-server'
}

stop_group() {
  local pattern=$1 timeout=$2 name pid waiting=()
  while read -r name pid; do
    if [[ $name =~ $pattern ]] && ours "$pid"; then
      kill -TERM "$pid" 2>/dev/null || true
      waiting+=("$name:$pid")
    fi
  done <"$pids"
  for entry in "${waiting[@]}"; do
    name=${entry%%:*}
    pid=${entry##*:}
    for ((i = 0; i < timeout * 10; i++)); do
      ours "$pid" || break
      sleep 0.1
    done
    if ours "$pid"; then
      echo "$name (pid $pid) did not stop within ${timeout}s of SIGTERM: killing it"
      kill -KILL "$pid" 2>/dev/null || true
    fi
    echo "stopped $name (pid $pid)"
  done
}

stop() {
  if [[ ! -f $pids ]]; then
    echo "nothing to stop (no $pids)"
    return 0
  fi
  # Gateways first (NAS fail over to the other server), then silos (each drains its EAP conversations for up
  # to Eap__DrainTimeout), then Valkey.
  stop_group '^gateway-' 15
  stop_group '^silo-' 40
  stop_group '^valkey$' 15
  rm -f "$pids"
}

status() {
  [[ -f $pids ]] || { echo "not running"; return 0; }
  local name pid
  while read -r name pid; do
    if ours "$pid"; then echo "$name pid $pid running"; else echo "$name pid $pid gone"; fi
  done <"$pids"
}

fail_start() {
  echo "start failed: $1" >&2
  for log in "$state"/logs/*.log; do
    echo "===== $(basename "$log") (last lines) =====" >&2
    tail -n 30 "$log" >&2 || true
  done
  stop >&2
  exit 1
}

wait_ready() {
  local name=$1 pid=$2 url=$3 deadline=$((SECONDS + ready_timeout))
  until curl -fs -o /dev/null --max-time 2 "$url/health/ready"; do
    ours "$pid" || fail_start "$name exited before it was ready"
    ((SECONDS < deadline)) || fail_start "$name not ready within ${ready_timeout}s ($url/health/ready)"
    sleep 0.5
  done
}

start() {
  if [[ -f $pids ]]; then
    local name pid
    while read -r name pid; do
      ours "$pid" && { echo "already running ($name, pid $pid): deploy/local/run.sh stop first" >&2; exit 1; }
    done <"$pids"
    rm -f "$pids"
  fi
  if [[ ! -f $silo_dll || ! -f $gateway_dll ]]; then
    echo "building the hosts (Release)…"
    "$dotnet" build -c Release "$root/Silo/Silo.csproj" -v quiet -nologo >/dev/null
  fi

  mkdir -p "$state/logs" "$state/valkey"
  : >"$pids"
  local valkey_server
  valkey_server=$(command -v valkey-server || command -v redis-server) ||
    { echo "neither valkey-server nor redis-server is installed (Debian: apt-get install redis-server)" >&2; exit 1; }

  # As the compose file's valkey service: append-only file, fsync every second, no RDB snapshots.
  spawn valkey "$valkey_server" --port "$VALKEY_PORT" --bind 127.0.0.1 --protected-mode yes \
    --appendonly yes --appendfsync everysec --save '' --dir "$state/valkey"
  local valkey_pid deadline=$((SECONDS + 20))
  valkey_pid=$(awk '$1 == "valkey" { print $2 }' "$pids")
  until grep -q "Ready to accept connections" "$state/logs/valkey.log"; do
    ours "$valkey_pid" || fail_start "valkey exited"
    ((SECONDS < deadline)) || fail_start "valkey not ready within 20s"
    sleep 0.1
  done

  mapfile -t shared < <(env_lines "$config/radius.env"; env_lines "$config/secrets.env")
  mapfile -t silo_env < <(env_lines "$config/silo.env"; env_lines "$config/admin.env")
  mapfile -t gateway_env < <(env_lines "$config/gateway.env")
  local valkey="127.0.0.1:$VALKEY_PORT"

  for i in 0 1 2; do
    spawn "silo-$((i + 1))" env "${shared[@]}" "${silo_env[@]}" \
      "Valkey__ConnectionString=$valkey" \
      "Cluster__AdvertisedAddress=127.0.0.1" \
      "Cluster__SiloPort=${silo_ports[i]}" \
      "Cluster__GatewayPort=${silo_gateway_ports[i]}" \
      "ASPNETCORE_URLS=http://127.0.0.1:${silo_http[i]}" \
      "$dotnet" "$silo_dll"
  done
  for i in 0 1; do
    # Compose binds the gateways to 0.0.0.0 on the host network; the twin keeps them on loopback unless
    # GATEWAY_ADDRESSES says otherwise (HTTP endpoints, silos and Valkey stay on loopback).
    spawn "gateway-$((i + 1))" env "${shared[@]}" "${gateway_env[@]}" \
      "Valkey__ConnectionString=$valkey" \
      "Gateway__Address=${gateway_addresses[i]}" \
      "Gateway__AuthPort=${gateway_auth[i]}" \
      "Gateway__AcctPort=${gateway_acct[i]}" \
      "ASPNETCORE_URLS=http://127.0.0.1:${gateway_http[i]}" \
      "$dotnet" "$gateway_dll"
  done

  local name pid
  while read -r name pid; do
    case $name in
      silo-*) wait_ready "$name" "$pid" "http://127.0.0.1:${silo_http[${name#silo-} - 1]}" ;;
      gateway-*) wait_ready "$name" "$pid" "http://127.0.0.1:${gateway_http[${name#gateway-} - 1]}" ;;
    esac
  done <"$pids"

  echo "twin ready (logs in $state/logs)"
  while read -r name pid; do
    case $name in
      valkey) echo "$name pid $pid valkey=127.0.0.1:$VALKEY_PORT" ;;
      silo-*)
        i=$((${name#silo-} - 1))
        echo "$name pid $pid http=http://127.0.0.1:${silo_http[i]} silo=127.0.0.1:${silo_ports[i]} gateway=127.0.0.1:${silo_gateway_ports[i]}"
        ;;
      gateway-*)
        i=$((${name#gateway-} - 1))
        echo "$name pid $pid http=http://127.0.0.1:${gateway_http[i]} auth=${gateway_addresses[i]}:${gateway_auth[i]} acct=${gateway_addresses[i]}:${gateway_acct[i]}"
        ;;
    esac
  done <"$pids"
  local secret password
  secret=$(sed -n 's/^Clients__0__Secret=//p' "$config/secrets.env")
  password=$(sed -n 's/^Users__0__Password=//p' "$config/secrets.env")
  echo "try: radtest alice $password 127.0.0.1:${gateway_auth[0]} 0 $secret"
  echo "dashboard: http://127.0.0.1:${silo_http[0]}/dashboard/ (Authorization: Bearer <Admin__Token from deploy/config/admin.env>)"
}

case ${1:-start} in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 [start|stop|status]" >&2; exit 2 ;;
esac
