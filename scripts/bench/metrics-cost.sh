#!/usr/bin/env bash
# What /metrics costs: radload PAP (window 256, 10 s after a 12 s warm-up, Message-Authenticator on) against a
# separate gateway + silo on Valkey (redis-server stand-in), alternating in each round between
#   scraped   Metrics:Enabled=true, /metrics of both processes fetched every second during the run
#   disabled  Metrics:Enabled=false (no /metrics, no metrics pipeline)
# Prints radload's RESULT line and the CPU per 1,000 requests of both processes, as compare.sh does.
# RATE=n paces radload at n requests/s (-R): below saturation, CPU per request is the steadier measure.
# Usage: [RATE=n] [RADLOAD_SOURCE=dir] scripts/bench/metrics-cost.sh [rounds]   (loopback only; stops only what it started)
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-3}
work=$(mktemp -d /tmp/radius-metrics-bench.XXXXXX)
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

for project in Silo UdpGateway; do dotnet build -c Release "$project" -v q -nologo >/dev/null; done
silo=Silo/bin/Release/net10.0/Orleans.Radius.Silo.dll
gateway=UdpGateway/bin/Release/net10.0/Orleans.Radius.UdpGateway.dll
radload_dir="$work/radload"; cp -r "${RADLOAD_SOURCE:-../shared/tools/radload}" "$radload_dir"; make -s -C "$radload_dir" >/dev/null
radload="$radload_dir/radload"
python3 scripts/bench/write-config.py "$work/nodes.json"

cpu_seconds() { awk '{ printf "%.2f", ($14 + $15) / 100 }' "/proc/$1/stat"; }
wait_ready() { for _ in $(seq 1 120); do curl -sf "$1" >/dev/null 2>&1 && return 0; sleep 0.5; done; echo "not ready: $1" >&2; return 1; }

run() { # name, Metrics:Enabled
  local name=$1 enabled=$2
  redis-server --port 16391 --bind 127.0.0.1 --save "" --appendonly yes --appendfsync everysec --dir "$work" >"$work/redis.log" 2>&1 &
  local redis_pid=$!; pids+=("$redis_pid")
  for _ in $(seq 1 50); do redis-cli -p 16391 ping >/dev/null 2>&1 && break; sleep 0.1; done
  redis-cli -p 16391 flushall >/dev/null
  dotnet "$silo" --config "$work/nodes.json" --Valkey:ConnectionString=127.0.0.1:16391 --Cluster:AdvertisedAddress=127.0.0.1 \
    --Cluster:SiloPort=11121 --Cluster:GatewayPort=30010 --Metrics:Enabled="$enabled" --urls http://127.0.0.1:18090 >"$work/silo.log" 2>&1 &
  local silo_pid=$!; pids+=("$silo_pid")
  wait_ready http://127.0.0.1:18090/health/ready
  dotnet "$gateway" --config "$work/nodes.json" --Valkey:ConnectionString=127.0.0.1:16391 --Gateway:Address=127.0.0.1 \
    --Gateway:AuthPort=18122 --Gateway:AcctPort=18132 --Metrics:Enabled="$enabled" --urls http://127.0.0.1:18091 >"$work/gateway.log" 2>&1 &
  local gateway_pid=$!; pids+=("$gateway_pid")
  wait_ready http://127.0.0.1:18091/health/ready
  local scraper_pid=""
  if [[ $enabled == true ]]; then
    # From the warm-up on, so the exporter's code is jitted before the measurement, as in a long-running node.
    # Bounded: at most 40 scrapes of each process, stopped as soon as radload is done.
    ( for _ in $(seq 1 40); do
        curl -sf http://127.0.0.1:18091/metrics >/dev/null; curl -sf http://127.0.0.1:18090/metrics >/dev/null; sleep 1
      done ) &
    scraper_pid=$!
  fi
  "$radload" -s 127.0.0.1:18122 -S testing123 -m pap -M -w 256 -d 12 >/dev/null || true   # warm-up
  local g0 s0; g0=$(cpu_seconds "$gateway_pid"); s0=$(cpu_seconds "$silo_pid")
  local pacing=(); [[ -n ${RATE:-} ]] && pacing=(-R "$RATE")
  local result; result=$("$radload" -s 127.0.0.1:18122 -S testing123 -m pap -M -w 256 -d 10 -t 1000 -r 2 "${pacing[@]}")
  local g1 s1; g1=$(cpu_seconds "$gateway_pid"); s1=$(cpu_seconds "$silo_pid")
  [[ -n $scraper_pid ]] && { kill "$scraper_pid" 2>/dev/null || true; wait "$scraper_pid" 2>/dev/null || true; }
  echo "$name $result"
  local ok; ok=$(sed -E 's/.* ok=([0-9]+) .*/\1/' <<<"$result")
  awk -v n="$name" -v g=$(awk -v a="$g1" -v b="$g0" 'BEGIN{print a-b}') -v s=$(awk -v a="$s1" -v b="$s0" 'BEGIN{print a-b}') -v ok="$ok" \
    'BEGIN { printf "%s cpu gateway %.2f s + silo %.2f s: %.1f ms per 1000 requests\n", n, g, s, (g + s) * 1e6 / (ok > 0 ? ok : 1) }'
  kill "$gateway_pid" "$silo_pid"; wait "$gateway_pid" "$silo_pid" 2>/dev/null || true
  kill "$redis_pid"; wait "$redis_pid" 2>/dev/null || true
}

for round in $(seq 1 "$rounds"); do
  if (( round % 2 )); then run scraped true; run disabled false; else run disabled false; run scraped true; fi
done
