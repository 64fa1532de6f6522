#!/usr/bin/env bash
# Whole EAP authentications per second, side by side, one run each of:
#   split  silo process + gateway process on Valkey (redis-server stand-in), Release build
#   fr     FreeRADIUS 3.2 (Debian package) with the same certificates, 4 threads
# for EAP-TLS and PEAP-MSCHAPv2, driven by COUNT eapol_test processes, CONCURRENCY at a time (TLS 1.2, eapol_test's
# default). Certificates: a throw-away ECDSA P-256 CA, server and client certificate made here with openssl.
# Both servers propose PEAP first, so EAP-TLS costs one Nak round on both.
# Prints authentications/s and the CPU per authentication of every server process (/proc/<pid>/stat before/after).
# Runtime settings reach our processes through the environment, e.g. DOTNET_TieredCompilation=0 (see docs/BENCHMARKS.md).
# Usage: [COUNT=400] [CONCURRENCY=16] [WARMUP=32] scripts/bench/eap-compare.sh [split|fr...]   (root, loopback only; stops only what it started)
set -euo pipefail
cd "$(dirname "$0")/../.."
count=${COUNT:-400}
concurrency=${CONCURRENCY:-16}
warmup=${WARMUP:-32}
modes=("${@:-split fr}")
read -r -a modes <<< "${modes[*]}"
work=$(mktemp -d /tmp/radius-eap-bench.XXXXXX)
chmod 755 "$work"   # FreeRADIUS runs as freerad and must reach its copy of the config and the certificates
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

for project in Silo UdpGateway; do dotnet build -c Release "$project" -v q -nologo >/dev/null; done
silo=Silo/bin/Release/net10.0/Orleans.Radius.Silo.dll
gateway=UdpGateway/bin/Release/net10.0/Orleans.Radius.UdpGateway.dll

# --- certificates: ECDSA P-256 everywhere
pki="$work/pki"; mkdir -p "$pki"
ec() { openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$pki/$1.key" 2>/dev/null; }
ec ca; ec server; ec client
openssl req -x509 -new -key "$pki/ca.key" -subj "/CN=bench EAP CA" -days 2 -out "$pki/ca.pem" \
  -addext basicConstraints=critical,CA:true -addext keyUsage=critical,keyCertSign,cRLSign 2>/dev/null
issue() { # name subject eku
  openssl req -new -key "$pki/$1.key" -subj "/CN=$2" -out "$pki/$1.csr" 2>/dev/null
  printf 'basicConstraints=critical,CA:false\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=%s\n' "$3" > "$pki/$1.ext"
  openssl x509 -req -in "$pki/$1.csr" -CA "$pki/ca.pem" -CAkey "$pki/ca.key" -CAcreateserial -days 2 -extfile "$pki/$1.ext" -out "$pki/$1.pem" 2>/dev/null
}
issue server radius.bench serverAuth
issue client bench-tls clientAuth
chmod 644 "$pki"/*

# --- peers: PEAP user bench-peap, EAP-TLS user bench-tls (the certificate's CN)
cat > "$work/peap.conf" <<CONF
network={
  key_mgmt=WPA-EAP
  eap=PEAP
  identity="bench-peap"
  anonymous_identity="anonymous"
  password="peap-password"
  ca_cert="$pki/ca.pem"
  phase2="auth=MSCHAPV2"
}
CONF
cat > "$work/tls.conf" <<CONF
network={
  key_mgmt=WPA-EAP
  eap=TLS
  identity="bench-tls"
  ca_cert="$pki/ca.pem"
  client_cert="$pki/client.pem"
  private_key="$pki/client.key"
}
CONF

cat > "$work/nodes.json" <<CONF
{
  "Clients": [{ "Name": "bench", "Address": "127.0.0.1", "Secret": "testing123" }],
  "Users": [{ "UserName": "bench-peap", "Password": "peap-password" }, { "UserName": "bench-tls", "Password": "unused-password" }],
  "Eap": {
    "Methods": ["PEAP", "TLS"],
    "Tls": { "CertificateFile": "$pki/server.pem", "KeyFile": "$pki/server.key", "ClientCaFile": "$pki/ca.pem" }
  },
  "Logging": { "LogLevel": { "Default": "Warning", "Microsoft.Hosting.Lifetime": "Information" } }
}
CONF

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
wait_ready() { for _ in $(seq 1 120); do curl -sf "$1" >/dev/null 2>&1 && return 0; sleep 0.5; done; echo "not ready: $1" >&2; return 1; }

# Runs n authentications of one method, c at a time; prints "ok failed seconds".
drive() { # conf n c
  local start end results
  start=$(date +%s.%N)
  results=$(seq 1 "$2" | xargs -P "$3" -I{} sh -c \
    'eapol_test -c "$0" -a 127.0.0.1 -p 18120 -s testing123 -t 30 -r 0 >/dev/null 2>&1 && echo ok || echo failed' "$1")
  end=$(date +%s.%N)
  echo "$(grep -c '^ok' <<<"$results" || true) $(grep -c '^failed' <<<"$results" || true) $(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.2f", e - s }')"
}

measure() { # name, then "label:pid" pairs of the server processes
  local name=$1; shift
  for method in tls peap; do
    drive "$work/$method.conf" "$warmup" "$concurrency" >/dev/null   # warm-up: JIT, user grains, TLS code paths
    declare -A before=()
    for pair in "$@"; do before[$pair]=$(cpu_ticks "${pair#*:}"); done
    read -r ok failed seconds < <(drive "$work/$method.conf" "$count" "$concurrency")
    awk -v n="$name" -v m="$method" -v ok="$ok" -v f="$failed" -v s="$seconds" -v c="$concurrency" \
      'BEGIN { printf "%s %s: %d ok, %d failed in %.2f s, %.1f authentications/s (%d concurrent eapol_test)\n", n, m, ok, f, s, ok / s, c }'
    for pair in "$@"; do
      local after; after=$(cpu_ticks "${pair#*:}")
      awk -v n="$name" -v m="$method" -v l="${pair%%:*}" -v b="${before[$pair]}" -v a="$after" -v ok="$ok" \
        'BEGIN { printf "%s %s cpu %s: %.2f s, %.2f ms per authentication\n", n, m, l, (a - b) / 100, (a - b) * 10 / (ok > 0 ? ok : 1) }'
    done
  done
}

run_split() {
  redis-server --port 16391 --bind 127.0.0.1 --save "" --appendonly yes --appendfsync everysec --dir "$work" >"$work/redis.log" 2>&1 &
  local redis_pid=$!; pids+=("$redis_pid")
  for _ in $(seq 1 50); do redis-cli -p 16391 ping >/dev/null 2>&1 && break; sleep 0.1; done
  redis-cli -p 16391 flushall >/dev/null
  dotnet "$silo" --config "$work/nodes.json" --Valkey:ConnectionString=127.0.0.1:16391 --Cluster:AdvertisedAddress=127.0.0.1 \
    --urls http://127.0.0.1:18082 >"$work/silo.log" 2>&1 &
  local silo_pid=$!; pids+=("$silo_pid")
  wait_ready http://127.0.0.1:18082/health/ready
  dotnet "$gateway" --config "$work/nodes.json" --Valkey:ConnectionString=127.0.0.1:16391 --Gateway:Address=127.0.0.1 \
    --Gateway:AuthPort=18120 --Gateway:AcctPort=18130 --urls http://127.0.0.1:18083 >"$work/gateway.log" 2>&1 &
  local gateway_pid=$!; pids+=("$gateway_pid")
  wait_ready http://127.0.0.1:18083/health/ready
  measure split "gateway:$gateway_pid" "silo:$silo_pid" "valkey:$redis_pid"
  kill "$gateway_pid" "$silo_pid"; wait "$gateway_pid" "$silo_pid" 2>/dev/null || true
  kill "$redis_pid"; wait "$redis_pid" 2>/dev/null || true
}

run_fr() {
  local fr="$work/fr"
  local peer
  peer=$( (ls -d ../shared/tools/freeradius-peer ../../shared/tools/freeradius-peer 2>/dev/null || true) | head -1)
  THREADS=4 NUSERS=1 sh "$peer/setup-fr-peer.sh" "$fr" >/dev/null
  # The same certificates and the same first proposal (PEAP) as ours.
  sed -i -e "s|^\(\s*\)private_key_file = .*|\1private_key_file = $pki/server.key|" \
         -e "s|^\(\s*\)certificate_file = .*|\1certificate_file = $pki/server.pem|" \
         -e "s|^\(\s*\)ca_file = .*|\1ca_file = $pki/ca.pem|" \
         -e "s|^\(\s*\)default_eap_type = .*|\1default_eap_type = peap|" "$fr/mods-available/eap"
  printf 'bench-peap\tCleartext-Password := "peap-password"\n\n' | cat - "$fr/mods-config/files/authorize" > "$fr/authorize.new"
  mv "$fr/authorize.new" "$fr/mods-config/files/authorize"
  chown -R freerad:freerad "$fr"
  freeradius -f -d "$fr" >"$work/fr.log" 2>&1 &
  local pid=$!; pids+=("$pid")
  for _ in $(seq 1 50); do echo "Message-Authenticator = 0x00" | radclient -r 1 -t 1 127.0.0.1:18120 status testing123 >/dev/null 2>&1 && break; sleep 0.2; done
  measure fr "freeradius:$pid"
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

for mode in "${modes[@]}"; do "run_$mode"; done
