#!/usr/bin/env bash
# Runs every test of the solution. On a fresh Debian/Ubuntu machine it first installs the real tools the
# end-to-end tests drive (redis-server, radclient/radtest, eapol_test, FreeRADIUS dictionaries).
# Usage: scripts/test.sh [extra dotnet test arguments]
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-prerequisites.sh

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
dotnet test Orleans.Radius.sln -c Release "$@" 2>&1 | tee "$log" || status=$?

# One closing line over all test assemblies, in the plain "N passed, N failed" form.
awk '
  /(Passed|Failed)! +- +Failed: +[0-9]+, +Passed: +[0-9]+, +Skipped: +[0-9]+/ {
    for (i = 1; i <= NF; i++) {
      if ($i == "Failed:") { f += $(i + 1) + 0 }
      if ($i == "Passed:") { p += $(i + 1) + 0 }
      if ($i == "Skipped:") { s += $(i + 1) + 0 }
    }
    n++
  }
  END { printf "tests: %d passed, %d failed, %d skipped\n", p, f, s; if (n == 0) exit 1 }
' "$log" || { echo "no test assembly reported results"; status=1; }
scripts/check-deploy.sh || status=1
exit "$status"
