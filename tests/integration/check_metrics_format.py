#!/usr/bin/python3
"""ctest `metrics_format`: funcdeskd's GET /metrics read by Prometheus' own Python parser.

    check_metrics_format.py FUNCDESKD

Starts `FUNCDESKD serve --metrics` on a free port and a temporary data folder, runs actions that
succeed, fail and time out, scrapes /metrics and parses it with prometheus_client's text parser
(python3-prometheus-client), failing on any parse error, a missing family or label, a wrong type
or an inconsistent histogram. `promtool check metrics` runs too when promtool is installed.
"""

import base64
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

from prometheus_client.parser import text_string_to_metric_families

# OpenWhisk's user-events families (PrometheusRecorder.scala): type and label names, in order.
ACTION_LABELS = ["namespace", "initiator", "action"]
FAMILIES = {
    "openwhisk_action_activations_total": ("counter", ACTION_LABELS + ["kind", "memory"]),
    "openwhisk_action_coldStarts_total": ("counter", ACTION_LABELS),
    "openwhisk_action_waitTime_seconds": ("histogram", ACTION_LABELS),
    "openwhisk_action_initTime_seconds": ("histogram", ACTION_LABELS),
    "openwhisk_action_duration_seconds": ("histogram", ACTION_LABELS),
    "openwhisk_action_status": ("counter", ACTION_LABELS + ["status"]),
    "openwhisk_action_memory": ("gauge", ACTION_LABELS),
    "openwhisk_action_response_size_bytes": ("histogram", ACTION_LABELS),
    "openwhisk_action_status_code": ("counter", ACTION_LABELS + ["status_code"]),
    "funcdeskd_metrics_series_dropped_total": ("counter", []),
}
TIME_BUCKETS = ["0.005", "0.01", "0.025", "0.05", "0.075", "0.1", "0.25", "0.5", "0.75", "1.0", "2.5", "5.0",
                "7.5", "10.0", "+Inf"]
SIZE_BUCKETS = [f"{n * 1048576}.0" for n in range(10)] + ["+Inf"]  # linearBuckets(0, 1 MiB, 10)
SAMPLE_LINE = re.compile(r'^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?:[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\[\\"n])*",?)*\})? '
                         r'(\S+)$')

OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # loopback: no proxy


class Failure(Exception):
    pass


def request(base, auth, method, path, body=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(base + path, data=data, method=method)
    req.add_header("Authorization", "Basic " + base64.b64encode(auth.encode()).decode())
    if data is not None:
        req.add_header("Content-Type", "application/json")
    try:
        with OPENER.open(req, timeout=60) as answer:
            return answer.status, dict(answer.headers), answer.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def put_action(base, auth, name, code, timeout_ms):
    status, _, body = request(base, auth, "PUT", f"/api/v1/namespaces/_/actions/{name}?overwrite=true",
                              {"exec": {"kind": "nodejs:default", "code": code},
                               "limits": {"timeout": timeout_ms, "memory": 256}})
    if status != 200:
        raise Failure(f"PUT action {name}: {status} {body!r}")


def check_families(families, text):
    by_name = {family.name: family for family in families}
    for name, (kind, labels) in FAMILIES.items():
        # The parser names a counter's family without `_total`.
        family = by_name.get(name[:-len("_total")] if kind == "counter" and name.endswith("_total") else name)
        if family is None:
            raise Failure(f"family {name} is missing")
        if family.type != kind:
            raise Failure(f"{name} is a {family.type}, not a {kind}")
        if f"# TYPE {name} {kind}\n" not in text:
            raise Failure(f"no '# TYPE {name} {kind}' line")
        for sample in family.samples:
            names = [label for label in sample.labels if label != "le"]
            if names != labels:
                raise Failure(f"{sample.name} has labels {names}, OpenWhisk's are {labels}")
    for line in text.splitlines():
        if line.startswith("#"):
            continue
        match = SAMPLE_LINE.match(line)
        if not match:
            raise Failure(f"not a sample line of the text format: {line!r}")
        if not any(match.group(1) == name or match.group(1).startswith(name + "_") for name in FAMILIES):
            raise Failure(f"a sample of no known family: {line!r}")


def check_histograms(families):
    for family in families:
        if family.type != "histogram":
            continue
        series = {}
        for sample in family.samples:
            key = tuple(sorted((k, v) for k, v in sample.labels.items() if k != "le"))
            entry = series.setdefault(key, {"buckets": [], "count": None, "sum": None})
            if sample.name.endswith("_bucket"):
                entry["buckets"].append((sample.labels["le"], sample.value))
            elif sample.name.endswith("_count"):
                entry["count"] = sample.value
            elif sample.name.endswith("_sum"):
                entry["sum"] = sample.value
        for key, entry in series.items():
            les = [le for le, _ in entry["buckets"]]
            expected = SIZE_BUCKETS if family.name == "openwhisk_action_response_size_bytes" else TIME_BUCKETS
            if les != expected:
                raise Failure(f"{family.name}{key}: buckets {les}, OpenWhisk's are {expected}")
            values = [value for _, value in entry["buckets"]]
            if values != sorted(values):
                raise Failure(f"{family.name}{key}: buckets not cumulative: {values}")
            if values[-1] != entry["count"]:
                raise Failure(f"{family.name}{key}: +Inf bucket {values[-1]} != _count {entry['count']}")
            if entry["sum"] is None or entry["sum"] < 0:
                raise Failure(f"{family.name}{key}: _sum {entry['sum']}")


def activations(families, action):
    for family in families:
        if family.name == "openwhisk_action_activations":
            return sum(s.value for s in family.samples if s.labels.get("action") == action)
    return 0


def run(funcdeskd, data_dir):
    server = subprocess.Popen([funcdeskd, "serve", "--port", "0", "--data-dir", data_dir, "--metrics", "--quiet"],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        line = server.stdout.readline()
        match = re.search(r"listening on (http://\S+)", line)
        if not match:
            raise Failure(f"funcdeskd did not start: {line!r}")
        base = match.group(1)
        with open(os.path.join(data_dir, "auth"), encoding="utf-8") as auth_file:
            auth = auth_file.read().strip()

        put_action(base, auth, "ok", "function main() { return {ok: true}; }", 60000)
        put_action(base, auth, "fails", "function main() { return {error: {statusCode: 404}}; }", 60000)
        put_action(base, auth, "sleeps",
                   "function main() { return new Promise(r => setTimeout(() => r({}), 5000)); }", 300)
        for name, times in (("ok", 3), ("fails", 2), ("sleeps", 1)):
            for _ in range(times):
                request(base, auth, "POST", f"/api/v1/namespaces/_/actions/{name}?blocking=true", {})

        deadline = time.monotonic() + 30
        while True:
            status, headers, body = request(base, auth, "GET", "/metrics")
            if status != 200:
                raise Failure(f"GET /metrics: {status} {body!r}")
            text = body.decode("utf-8")
            families = list(text_string_to_metric_families(text))  # raises on any parse error
            counts = {name: activations(families, name) for name in ("ok", "fails", "sleeps")}
            if counts == {"ok": 3, "fails": 2, "sleeps": 1} or time.monotonic() > deadline:
                break
            time.sleep(0.05)
        if counts != {"ok": 3, "fails": 2, "sleeps": 1}:
            raise Failure(f"activations counted {counts}")
        content_type = {k.lower(): v for k, v in headers.items()}.get("content-type")
        if content_type != "text/plain; version=0.0.4; charset=utf-8":
            raise Failure(f"Content-Type {content_type!r}")
        check_families(families, text)
        check_histograms(families)
        if f'openwhisk_action_status_code{{namespace="guest",initiator="guest",action="fails",status_code="404"}} 2\n' \
                not in text:
            raise Failure("the result's error.statusCode 404 is not counted twice in openwhisk_action_status_code")
        print(f"metrics_format: prometheus_client parsed {len(families)} families, "
              f"{sum(len(f.samples) for f in families)} samples")

        promtool = shutil.which("promtool")
        if promtool:
            checked = subprocess.run([promtool, "check", "metrics"], input=text, text=True, capture_output=True)
            if checked.returncode != 0:
                raise Failure(f"promtool check metrics: {checked.stdout}{checked.stderr}")
            print("metrics_format: promtool check metrics passed")
        else:
            print("metrics_format: promtool is not installed; only prometheus_client's parser checked the text")
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="funcdesk-metrics-") as data_dir:
        try:
            run(sys.argv[1], data_dir)
        except (Failure, ValueError) as failure:  # ValueError: the parser's
            print(f"metrics_format: FAILED: {failure}", file=sys.stderr)
            return 1
    print("metrics_format: passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
