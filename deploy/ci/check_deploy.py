#!/usr/bin/env python3
"""Structural checks of deploy/ that no generic validator makes (run by scripts/check-deploy.sh).

- docker-compose.yml: converted to JSON for the schema check; the services use the shared env files the twin
  reads, per-node environment keys stay within the per-node set, and the gateways are on the host network.
- Kubernetes manifests: parse; every container has liveness/readiness probes and resources; the silo grace
  period exceeds Eap__DrainTimeout; the UDP Service keeps the source address; PodDisruptionBudgets exist; the
  ConfigMap equals deploy/config/radius.env; a NetworkPolicy admits only silos and gateways to Valkey.
- Grafana dashboard: JSON with the panels the deployment promises, each with a query.
Prints one line per problem and exits 1 if there is any.
"""
import json
import sys
from pathlib import Path

import yaml

DEPLOY = Path(__file__).resolve().parent.parent
problems = []


def problem(text):
    problems.append(text)


def read_env(name):
    values = {}
    for line in (DEPLOY / "config" / name).read_text().splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            key, _, value = line.partition("=")
            values[key] = value
    return values


def seconds(timespan):
    hours, minutes, rest = timespan.split(":")
    return int(hours) * 3600 + int(minutes) * 60 + float(rest)


# Keys a node may set beside the shared files: its own addresses and ports (as run.sh does per process).
PER_NODE = {
    "Valkey__ConnectionString", "Cluster__AdvertisedAddress", "Cluster__SiloPort", "Cluster__GatewayPort",
    "Gateway__AuthPort", "Gateway__AcctPort", "ASPNETCORE_URLS", "HEALTHCHECK_PORT",
}
ENV_FILES = {
    "silo": ["config/radius.env", "config/secrets.env", "config/silo.env", "config/admin.env"],
    "gateway": ["config/radius.env", "config/secrets.env", "config/gateway.env"],
}


def check_compose(json_out):
    compose = yaml.safe_load((DEPLOY / "docker-compose.yml").read_text())
    Path(json_out).write_text(json.dumps(compose))
    services = compose.get("services", {})
    silos = [name for name in services if name.startswith("silo-")]
    gateways = [name for name in services if name.startswith("gateway-")]
    if len(silos) != 3 or len(gateways) != 2:
        problem(f"compose: expected 3 silos and 2 gateways, found {silos} and {gateways}")
    run_sh = (DEPLOY / "local" / "run.sh").read_text()
    for name in silos + gateways:
        role = "silo" if name.startswith("silo-") else "gateway"
        service = services[name]
        if service.get("env_file") != ENV_FILES[role]:
            problem(f"compose: {name} env_file is {service.get('env_file')}, the twin reads {ENV_FILES[role]}")
        extra = set(service.get("environment", {})) - PER_NODE
        if extra:
            problem(f"compose: {name} sets {sorted(extra)} outside deploy/config (the twin would not see them)")
        if role == "gateway" and service.get("network_mode") != "host":
            problem(f"compose: {name} must use the host network (port publishing replaces the NAS's address)")
        if "healthcheck" in service and "/health/live" not in json.dumps(service["healthcheck"]):
            problem(f"compose: {name} overrides the image health check")
    for file in {f for files in ENV_FILES.values() for f in files}:
        if f'$config/{Path(file).name}' not in run_sh:
            problem(f"run.sh does not read {file}")
    valkey = services.get("valkey", {})
    if not str(valkey.get("image", "")).startswith("valkey/valkey:8"):
        problem("compose: valkey must use the valkey/valkey 8.x image")
    if "--appendonly" not in valkey.get("command", []) or "healthcheck" not in valkey:
        problem("compose: valkey needs AOF (--appendonly yes) and a health check")
    drain = seconds(read_env("radius.env")["Eap__DrainTimeout"])
    for name in silos:
        grace = services[name].get("stop_grace_period", "10s")
        if int(grace.rstrip("s")) <= drain:
            problem(f"compose: {name} stop_grace_period {grace} must exceed Eap__DrainTimeout ({drain} s)")
    for name in ("prometheus", "grafana", "dashboard-proxy"):
        if name not in services:
            problem(f"compose: no {name} service")
    for port in services.get("dashboard-proxy", {}).get("ports", []):
        if not str(port).startswith("127.0.0.1:"):
            problem(f"compose: dashboard-proxy port {port} is not on the host's loopback")


def containers(document):
    spec = document.get("spec", {}).get("template", {}).get("spec", {})
    return spec, spec.get("containers", [])


def check_kubernetes():
    documents = []
    for path in sorted((DEPLOY / "kubernetes").glob("*.yaml")):
        for document in yaml.safe_load_all(path.read_text()):
            if document:
                missing = [key for key in ("apiVersion", "kind", "metadata") if key not in document]
                for key in missing:
                    problem(f"{path.name}: a document has no {key}")
                if not missing:
                    documents.append((path.name, document))
    kinds = {}
    for file, document in documents:
        kinds.setdefault(document["kind"], []).append((file, document))
    drain = seconds(read_env("radius.env")["Eap__DrainTimeout"])
    for kind in ("StatefulSet", "Deployment"):
        for file, document in kinds.get(kind, []):
            name = document["metadata"]["name"]
            spec, pods = containers(document)
            for container in pods:
                for probe in ("livenessProbe", "readinessProbe"):
                    if probe not in container:
                        problem(f"{file}: {name}/{container['name']} has no {probe}")
                resources = container.get("resources", {})
                if "requests" not in resources or "memory" not in resources.get("limits", {}):
                    problem(f"{file}: {name}/{container['name']} needs resource requests and a memory limit")
                if name in ("silo", "gateway"):
                    paths = {container.get(p, {}).get("httpGet", {}).get("path") for p in ("livenessProbe", "readinessProbe")}
                    if paths != {"/health/live", "/health/ready"}:
                        problem(f"{file}: {name} probes must use /health/live and /health/ready, not {paths}")
            if name == "silo" and spec.get("terminationGracePeriodSeconds", 30) <= drain:
                problem(f"{file}: silo terminationGracePeriodSeconds must exceed Eap__DrainTimeout ({drain} s)")
    workloads = {d["metadata"]["name"] for k in ("StatefulSet", "Deployment") for _, d in kinds.get(k, [])}
    if not {"silo", "gateway", "valkey"} <= workloads:
        problem(f"kubernetes: expected silo, gateway and valkey workloads, found {sorted(workloads)}")
    budgets = {d["spec"]["selector"]["matchLabels"]["app.kubernetes.io/name"] for _, d in kinds.get("PodDisruptionBudget", [])}
    if not {"silo", "gateway"} <= budgets:
        problem(f"kubernetes: PodDisruptionBudgets cover {sorted(budgets)}, need silo and gateway")
    udp = [d for _, d in kinds.get("Service", []) if any(p.get("protocol") == "UDP" for p in d["spec"].get("ports", []))]
    if not udp or any(d["spec"].get("externalTrafficPolicy") != "Local" for d in udp):
        problem("kubernetes: the UDP Service must exist with externalTrafficPolicy: Local")
    config_maps = [d for _, d in kinds.get("ConfigMap", []) if d["metadata"]["name"] == "radius-config"]
    if not config_maps:
        problem("kubernetes: no ConfigMap radius-config")
    else:
        expected = {k: v for k, v in read_env("radius.env").items() if k != "Clients__0__Address"}
        actual = {k: v for k, v in config_maps[0]["data"].items() if k != "Clients__0__Address"}
        if expected != actual:
            problem(f"kubernetes: ConfigMap radius-config differs from deploy/config/radius.env: {sorted(set(expected.items()) ^ set(actual.items()))}")
    secrets = {d["metadata"]["name"] for _, d in kinds.get("Secret", [])}
    if not {"radius-secrets", "radius-admin"} <= secrets:
        problem(f"kubernetes: Secrets {sorted(secrets)}, need radius-secrets and radius-admin")
    check_valkey_policy(kinds.get("NetworkPolicy", []))


def check_valkey_policy(policies):
    """Valkey has no password in the manifests, so a policy must admit only silo and gateway pods."""
    guarding = [d for _, d in policies
                if d["spec"].get("podSelector", {}).get("matchLabels", {}).get("app.kubernetes.io/name") == "valkey"
                and "Ingress" in d["spec"].get("policyTypes", [])]
    if not guarding:
        problem("kubernetes: no NetworkPolicy restricts ingress to Valkey")
        return
    for policy in guarding:
        for rule in policy["spec"].get("ingress", []):
            sources = rule.get("from")
            names = {peer.get("podSelector", {}).get("matchLabels", {}).get("app.kubernetes.io/name") for peer in sources or []}
            if not sources or any(set(peer) != {"podSelector"} for peer in sources) or not names <= {"silo", "gateway"}:
                problem(f"kubernetes: NetworkPolicy {policy['metadata']['name']} admits more than silo and gateway pods to Valkey")


REQUIRED_PANELS = {
    "requests by outcome": "radius_requests_total",
    "latency": "radius_request_duration_seconds_bucket",
    "eap conversations": "radius_eap_conversations_active",
    "accounting sessions": "radius_accounting_sessions_open",
    "valkey latency": "valkey_operation_duration_seconds_bucket",
    "silos": 'up{job="silos"}',
}


def check_grafana():
    dashboards = list((DEPLOY / "grafana" / "dashboards").glob("*.json"))
    if not dashboards:
        problem("grafana: no dashboard JSON")
    for path in dashboards:
        try:
            dashboard = json.loads(path.read_text())
        except json.JSONDecodeError as error:
            problem(f"grafana: {path.name} is not JSON: {error}")
            continue
        panels = dashboard.get("panels", [])
        for panel in panels:
            if not panel.get("targets") or not all(t.get("expr") for t in panel["targets"]):
                problem(f"grafana: panel '{panel.get('title')}' has no query")
        for title, metric in REQUIRED_PANELS.items():
            if not any(title in p.get("title", "").lower() and any(metric in t.get("expr", "") for t in p.get("targets", [])) for p in panels):
                problem(f"grafana: no '{title}' panel querying {metric}")
    datasource = yaml.safe_load((DEPLOY / "grafana" / "provisioning" / "datasources" / "prometheus.yml").read_text())
    if datasource["datasources"][0]["uid"] != "prometheus":
        problem("grafana: the Prometheus datasource uid must be 'prometheus' (the dashboard refers to it)")


check_compose(sys.argv[1])
check_kubernetes()
check_grafana()
for text in problems:
    print(f"check-deploy: {text}")
sys.exit(1 if problems else 0)
