#!/usr/bin/env bash
# Static checks of deploy/ (there is no Docker engine or Kubernetes cluster in CI): the compose file against
# the Compose Specification's JSON schema (vendored in deploy/ci, validated with ajv-cli from npm), nginx -t
# on the shipped nginx configurations, promtool on the Prometheus configuration and alert rules, and the
# structural checks of deploy/ci/check_deploy.py (Kubernetes probes, resources and policies, the Grafana
# dashboard's panels, compose and twin reading the same settings). Any failure fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failed=0
step() { echo "check-deploy: $*"; }
fail() { echo "check-deploy: FAILED: $*" >&2; failed=1; }

python=python3
for candidate in python3 /usr/bin/python3; do
  if "$candidate" -c 'import yaml' 2>/dev/null; then python=$candidate; break; fi
done

step "structure of compose, Kubernetes manifests and Grafana dashboard"
"$python" deploy/ci/check_deploy.py "$work/compose.json" || fail "deploy/ci/check_deploy.py"

step "docker-compose.yml against the Compose Specification schema"
if [[ ! -x deploy/ci/node_modules/.bin/ajv ]]; then
  (cd deploy/ci && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi
# The vendored schema names its meta-schema by https URL; ajv knows draft-07 by its http id.
"$python" -c 'import json, sys; s = json.load(open(sys.argv[1])); s["$schema"] = "http://json-schema.org/draft-07/schema#"; json.dump(s, open(sys.argv[2], "w"))' \
  deploy/ci/compose-spec.json "$work/compose-spec.json"
deploy/ci/node_modules/.bin/ajv validate --spec=draft7 --strict=false -c ajv-formats \
  -s "$work/compose-spec.json" -d "$work/compose.json" || fail "docker-compose.yml does not match the Compose Specification"

step "nginx -t on deploy/nginx/radius-udp.conf and the dashboard proxy"
# In a network namespace of its own when possible: nginx -t binds the listen ports (1812/1813).
isolate=()
if unshare -n true 2>/dev/null; then isolate=(unshare -n); fi
"${isolate[@]}" nginx -q -t -c "$PWD/deploy/nginx/radius-udp.conf" || fail "nginx -t deploy/nginx/radius-udp.conf"
sed 's/\${Admin__Token}/check-token/' deploy/nginx/dashboard.conf.template >"$work/default.conf"
printf 'pid %s/nginx.pid;\nerror_log stderr warn;\nevents {}\nhttp {\n  include %s/default.conf;\n}\n' "$work" "$work" >"$work/nginx.conf"
"${isolate[@]}" nginx -q -t -c "$work/nginx.conf" || fail "nginx -t deploy/nginx/dashboard.conf.template"

step "promtool check config deploy/prometheus/prometheus.yml (and its rules)"
promtool check config deploy/prometheus/prometheus.yml >/dev/null || fail "promtool check config"

step "shell scripts parse"
bash -n deploy/local/run.sh deploy/docker/healthcheck.sh || fail "bash -n"

if ((failed)); then
  echo "check-deploy: some checks failed" >&2
  exit 1
fi
step "all deploy checks passed"
