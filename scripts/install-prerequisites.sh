#!/usr/bin/env bash
# Installs, when missing, the Debian packages the tests drive for real: redis-server (the Valkey
# stand-in), radclient/radtest and the FreeRADIUS dictionaries, eapol_test, and a C toolchain for radload;
# promtool (prometheus) for the metrics format checks; for scripts/check-deploy.sh: nginx with the stream
# module, PyYAML and npm; for the nginx load-balancer test (network namespaces, policy routing, the run.sh
# twin's readiness checks): iproute2, iptables and curl; libssl3, which the EAP TLS engine calls directly (.NET
# loads it too, so it is normally there already).
set -euo pipefail
packages=(redis-server freeradius-utils freeradius-common eapoltest gcc make)
packages+=(nginx libnginx-mod-stream prometheus python3-yaml)
packages+=(iproute2 iptables curl)
packages+=(libssl3)
# npm: Debian's package only where no Node.js with npm is installed (it conflicts with other Node.js builds).
command -v npm >/dev/null || packages+=(nodejs npm)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]})); then
  echo "Installing test prerequisites: ${missing[*]}"
  sudo_cmd=()
  [[ $(id -u) -eq 0 ]] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  # The tests start their own servers on loopback; the packages' services (nginx on :80, prometheus,
  # redis-server) must not start on install. Debian's policy-rc.d hook says so, for this install only.
  policy=/usr/sbin/policy-rc.d
  if [[ ! -e $policy ]]; then
    printf '#!/bin/sh\nexit 101\n' | "${sudo_cmd[@]}" tee "$policy" >/dev/null
    "${sudo_cmd[@]}" chmod +x "$policy"
    trap '"${sudo_cmd[@]}" rm -f "$policy"' EXIT
  fi
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
