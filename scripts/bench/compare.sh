#!/usr/bin/env bash
# Side-by-side benchmark with radload (MODE=pap or acct; window 256, 10 s, Message-Authenticator on), one run each of:
#   aio    all-in-one silo+gateway on Valkey (redis-server stand-in)
#   split  separate gateway process + silo process on Valkey
#   mem    all-in-one on the embedded default: no Valkey, nothing durable. Not a deployment: it shows what the
#          silo and gateway cost with storage taken out, the floor any storage design starts from
#   fr     FreeRADIUS 3.2 tuned as in ../shared/tools/freeradius-peer (THREADS=4, RECV_BUFF=4 MiB)
# Prints radload's RESULT line and the CPU seconds per 1,000 requests of every server process (Valkey included:
# FreeRADIUS writes its detail file itself, so Valkey's share is part of our cost).
# NODE_ARGS: extra --Key=value arguments for our nodes (e.g. NODE_ARGS=--Dashboard:Enabled=true for an A/B).
# Usage: [MODE=acct] [WARMUP=seconds] [NODE_ARGS=...] scripts/bench/compare.sh [rounds] [aio|split|mem|fr...]   (root, loopback only; stops only what it started)
set -euo pipefail
load_mode=${MODE:-pap}
port=18120; [[ $load_mode == acct ]] && port=18130
cd "$(dirname "$0")/../.."
rounds=${1:-1}; shift || true
modes=("${@:-aio split fr}")
read -r -a modes <<< "${modes[*]}"
work=$(mktemp -d /tmp/radius-bench.XXXXXX)
chmod 755 "$work"   # FreeRADIUS runs as freerad and must reach its copy of the config
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

for project in Silo UdpGateway; do dotnet build -c Release "$project" -v q -nologo >/dev/null; done
silo=Silo/bin/Release/net10.0/Orleans.Radius.Silo.dll
gateway=UdpGateway/bin/Release/net10.0/Orleans.Radius.UdpGateway.dll
radload_dir="$work/radload"; cp -r ../shared/tools/radload "$radload_dir"; make -s -C "$radload_dir" >/dev/null
radload="$radload_dir/radload"
python3 scripts/bench/write-config.py "$work/nodes.json"

cpu_seconds() { awk '{ printf "%.2f", ($14 + $15) / 100 }' "/proc/$1/stat"; }
wait_ready() { for _ in $(seq 1 120); do curl -sf "$1" >/dev/null 2>&1 && return 0; sleep 0.5; done; echo "not ready: $1" >&2; return 1; }

start_redis() {
  redis-server --port 16390 --bind 127.0.0.1 --save "" --appendonly yes --appendfsync everysec --dir "$work" >"$work/redis.log" 2>&1 &
  redis_pid=$!; pids+=("$redis_pid")
  for _ in $(seq 1 50); do redis-cli -p 16390 ping >/dev/null 2>&1 && break; sleep 0.1; done
  redis-cli -p 16390 flushall >/dev/null
}

measure() { # name, then "label:pid" pairs of the server processes
  local name=$1; shift
  declare -A before
  for pair in "$@"; do before[$pair]=$(cpu_seconds "${pair#*:}"); done
  local result; result=$("$radload" -s "127.0.0.1:$port" -S testing123 -m "$load_mode" -M -w 256 -d 10 -t 1000 -r 2)
  echo "$name $result"
  local ok; ok=$(sed -E 's/.* ok=([0-9]+) .*/\1/' <<<"$result")
  for pair in "$@"; do
    local after; after=$(cpu_seconds "${pair#*:}")
    awk -v n="$name" -v l="${pair%%:*}" -v b="${before[$pair]}" -v a="$after" -v ok="$ok" \
      'BEGIN { printf "%s cpu %s: %.2f s, %.1f ms per 1000 requests\n", n, l, a - b, (a - b) * 1e6 / (ok > 0 ? ok : 1) }'
  done
}

run_aio() {
  start_redis
  dotnet "$silo" --config "$work/nodes.json" --Valkey:ConnectionString=127.0.0.1:16390 --Gateway:Enabled=true \
    --Gateway:Address=127.0.0.1 --Gateway:AuthPort=18120 --Gateway:AcctPort=18130 --urls http://127.0.0.1:18080 ${NODE_ARGS:-} >"$work/aio.log" 2>&1 &
  local pid=$!; pids+=("$pid")
  wait_ready http://127.0.0.1:18080/health/ready
  "$radload" -s "127.0.0.1:$port" -m "$load_mode" -M -w 256 -d "${WARMUP:-25}" >/dev/null || true   # warm-up: activate the user grains, let tiered JIT reach steady state (acct needs about 25 s)
  measure aio "silo+gateway:$pid" "valkey:$redis_pid"
  kill "$pid"; wait "$pid" 2>/dev/null || true; kill "$redis_pid"; wait "$redis_pid" 2>/dev/null || true
}

run_mem() {
  dotnet "$silo" --config "$work/nodes.json" --Gateway:Enabled=true \
    --Gateway:Address=127.0.0.1 --Gateway:AuthPort=18120 --Gateway:AcctPort=18130 --urls http://127.0.0.1:18080 ${NODE_ARGS:-} >"$work/mem.log" 2>&1 &
  local pid=$!; pids+=("$pid")
  wait_ready http://127.0.0.1:18080/health/ready
  "$radload" -s "127.0.0.1:$port" -m "$load_mode" -M -w 256 -d "${WARMUP:-25}" >/dev/null || true
  measure mem "silo+gateway:$pid"
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

run_split() {
  start_redis
  dotnet "$silo" --config "$work/nodes.json" --Valkey:ConnectionString=127.0.0.1:16390 --Cluster:AdvertisedAddress=127.0.0.1 \
    --urls http://127.0.0.1:18080 ${NODE_ARGS:-} >"$work/silo.log" 2>&1 &
  local silo_pid=$!; pids+=("$silo_pid")
  wait_ready http://127.0.0.1:18080/health/ready
  dotnet "$gateway" --config "$work/nodes.json" --Valkey:ConnectionString=127.0.0.1:16390 --Gateway:Address=127.0.0.1 \
    --Gateway:AuthPort=18120 --Gateway:AcctPort=18130 --urls http://127.0.0.1:18081 ${NODE_ARGS:-} >"$work/gateway.log" 2>&1 &
  local gateway_pid=$!; pids+=("$gateway_pid")
  wait_ready http://127.0.0.1:18081/health/ready
  "$radload" -s "127.0.0.1:$port" -m "$load_mode" -M -w 256 -d "${WARMUP:-25}" >/dev/null || true
  measure split "gateway:$gateway_pid" "silo:$silo_pid" "valkey:$redis_pid"
  kill "$gateway_pid" "$silo_pid"; wait "$gateway_pid" "$silo_pid" 2>/dev/null || true
  kill "$redis_pid"; wait "$redis_pid" 2>/dev/null || true
}

run_fr() {
  rm -rf "$work/fr"
  THREADS=4 RECV_BUFF=4194304 sh ../shared/tools/freeradius-peer/setup-fr-peer.sh "$work/fr" >/dev/null
  freeradius -f -d "$work/fr" >"$work/fr.log" 2>&1 &
  local pid=$!; pids+=("$pid")
  for _ in $(seq 1 50); do echo "Message-Authenticator = 0x00" | radclient -r 1 -t 1 127.0.0.1:18120 status testing123 >/dev/null 2>&1 && break; sleep 0.2; done
  "$radload" -s "127.0.0.1:$port" -m "$load_mode" -M -w 256 -d "${WARMUP:-25}" >/dev/null || true
  measure fr "freeradius:$pid"
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

for round in $(seq 1 "$rounds"); do
  for mode in "${modes[@]}"; do "run_$mode"; done
done
