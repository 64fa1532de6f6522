#!/usr/bin/env bash
# Installs, when missing, the Debian packages the tests drive for real: redis-server (the Valkey
# stand-in), radclient/radtest and the FreeRADIUS dictionaries, eapol_test, promtool (metrics format checks), and a C toolchain for radload.
set -euo pipefail
packages=(redis-server freeradius-utils freeradius-common eapoltest prometheus gcc make)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]})); then
  echo "Installing test prerequisites: ${missing[*]}"
  sudo_cmd=()
  [[ $(id -u) -eq 0 ]] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
