#!/usr/bin/python3
"""Soak: a real `funcdeskd serve` under a steady mix of invocations for a given time.

Starts funcdeskd on a fresh data folder (or uses --data-dir), creates five Node.js actions (normal,
failing, log-heavy, memory-heavy, timing out), invokes them blocking at --rate per second for
--duration seconds (open loop: calls are scheduled at fixed times, a late answer does not delay the
next call), and samples the server every --interval seconds: RSS, open fds, threads, database size
(funcdesk.db + -wal + -shm), the calls' p50/p99 latency (from the scheduled time, so the client's own
lag counts) and the achieved rate. Writes soak.csv and, with matplotlib, soak.png to --out.

With --check it then judges the run (see check.py for the bounds) and exits 1 when a bound is
broken. Only the Python standard library is needed to run; matplotlib (Debian python3-matplotlib)
draws the chart. docs/benchmarks.md, "Soak", has the figures of a long run.

    tests/soak/soak.py --funcdeskd build/app/funcdeskd/funcdeskd --duration 3600 --rate 500 --out /tmp/soak
"""

import argparse
import base64
import http.client
import json
import math
import os
import queue
import shutil
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import check  # noqa: E402  (tests/soak/check.py)

# name: (code, limits, expected HTTP status of a blocking invoke, seconds a call may hold its action).
# An action serves one call at a time (limits.concurrency 1; up to 100 more wait, then 429), so each
# kind is created as several actions, soak-NAME-0..K-1, enough for the rate: K = rate x share x
# seconds x 2, so that no action is busy more than half the time on a machine that keeps up.
ACTIONS = {
    "normal": ("function main(p) { return {n: p.n, ok: true}; }", {}, 200, 0.005),
    "failing": ("function main(p) { throw new Error('soak failure ' + p.n); }", {}, 502, 0.005),
    # 64 KiB of logs in 128 lines.
    "logs": ("function main(p) { const line = 'x'.repeat(511);"
             " for (let i = 0; i < 128; i++) console.log(line); return {n: p.n}; }", {}, 200, 0.02),
    # 64 MiB touched, under a 256 MB limit.
    "memory": ("function main(p) { const b = Buffer.alloc(64 << 20, 1); return {n: p.n, sum: b[b.length - 1]}; }",
               {"memory": 256}, 200, 0.25),
    # Sleeps past its 200 ms timeout: killed, reported as a timeout, the next call starts cold.
    "timeout": ("function main(p) { return new Promise(r => setTimeout(() => r({n: p.n}), 2000)); }",
                {"timeout": 200}, 502, 0.6),
}
DEFAULT_MIX = "normal=85,failing=5,logs=5,memory=4,timeout=1"


def parse_mix(text):
    weights = {}
    for part in text.split(","):
        name, _, weight = part.partition("=")
        if name not in ACTIONS:
            raise SystemExit(f"soak: unknown action '{name}' in --mix (known: {', '.join(ACTIONS)})")
        weights[name] = int(weight)
    # A fixed, evenly spread sequence of 100 slots: the same mix every second, no randomness.
    total = sum(weights.values())
    slots = []
    for name, weight in weights.items():
        slots += [(i * total / weight, name) for i in range(weight)]
    return [name for _, name in sorted(slots)]


class Server:
    def __init__(self, binary, data_dir, extra):
        self.data_dir = data_dir
        env = dict(os.environ, QT_LOGGING_RULES="funcdesk.http.info=false")
        args = [binary, "serve", "--port", "0", "--data-dir", data_dir, "--quiet"] + extra
        self.log = open(os.path.join(data_dir, "..", "funcdeskd.log"), "wb")
        self.process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=self.log, env=env)
        line = self.process.stdout.readline().decode()
        if "listening on http://" not in line:
            raise SystemExit(f"soak: funcdeskd did not start (said {line!r}); see {self.log.name}")
        self.host, _, port = line.strip().rsplit("/", 1)[1].rpartition(":")
        self.port = int(port)
        with open(os.path.join(data_dir, "auth")) as f:
            self.auth = "Basic " + base64.b64encode(f.read().strip().encode()).decode()

    def stop(self):
        self.process.terminate()
        try:
            return self.process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self.process.kill()
            return -1

    def sample(self):
        pid = self.process.pid
        rss_kb = threads = 0
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    rss_kb = int(line.split()[1])
                elif line.startswith("Threads:"):
                    threads = int(line.split()[1])
        fds = len(os.listdir(f"/proc/{pid}/fd"))
        db = 0
        for suffix in ("", "-wal", "-shm"):
            try:
                db += os.path.getsize(os.path.join(self.data_dir, "funcdesk.db" + suffix))
            except OSError:
                pass
        return rss_kb / 1024.0, fds, threads, db / 1048576.0


def request(connection, server, method, path, body):
    connection.request(method, path, body=json.dumps(body),
                       headers={"Authorization": server.auth, "Content-Type": "application/json"})
    response = connection.getresponse()
    response.read()
    return response.status


def instances_for(rate, sequence):
    """How many actions of each kind the rate needs (see ACTIONS)."""
    return {name: max(1, math.ceil(rate * sequence.count(name) / len(sequence) * ACTIONS[name][3] * 2))
            for name in set(sequence)}


def create_actions(server, instances):
    connection = http.client.HTTPConnection(server.host, server.port, timeout=60)
    for name, count in sorted(instances.items()):
        code, limits = ACTIONS[name][:2]
        body = {"exec": {"kind": "nodejs:default", "code": code}, "limits": limits}
        for i in range(count):
            path = f"/api/v1/namespaces/_/actions/soak-{name}-{i}?overwrite=true"
            status = request(connection, server, "PUT", path, body)
            if status != 200:
                raise SystemExit(f"soak: creating action soak-{name}-{i} answered {status}")
    connection.close()


class Load:
    """Open-loop load: one scheduler, `workers` threads with a keep-alive connection each."""

    def __init__(self, server, rate, sequence, instances, workers):
        self.server, self.rate, self.sequence, self.instances = server, rate, sequence, instances
        self.jobs = queue.Queue()
        self.lock = threading.Lock()
        self.latencies = []  # (ms) of calls completed since the last take()
        self.unexpected = {}  # "name:status" -> count
        self.done = self.late = 0
        self.stopping = False
        self.threads = [threading.Thread(target=self.work, daemon=True) for _ in range(workers)]
        for thread in self.threads:
            thread.start()

    def schedule(self, until):
        start = time.monotonic()
        n = 0
        calls = {name: 0 for name in self.instances}  # per kind, so its calls go round its actions
        while not self.stopping:
            due = start + n / self.rate
            if due >= until:
                break
            wait = due - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            name = self.sequence[n % len(self.sequence)]
            self.jobs.put((due, name, calls[name] % self.instances[name], n))
            calls[name] += 1
            n += 1
        return n

    def work(self):
        connection = None
        while True:
            job = self.jobs.get()
            if job is None:
                return
            due, name, instance, n = job
            path = f"/api/v1/namespaces/_/actions/soak-{name}-{instance}?blocking=true"
            try:
                if connection is None:
                    connection = http.client.HTTPConnection(self.server.host, self.server.port, timeout=120)
                status = request(connection, self.server, "POST", path, {"n": n})
            except (OSError, http.client.HTTPException):
                status = 0
                connection = None
            elapsed = (time.monotonic() - due) * 1000.0
            with self.lock:
                self.latencies.append(elapsed)
                self.done += 1
                if status != ACTIONS[name][2]:
                    key = f"{name}:{status}"
                    self.unexpected[key] = self.unexpected.get(key, 0) + 1

    def take(self):
        with self.lock:
            latencies, self.latencies = self.latencies, []
            return latencies, self.done, sum(self.unexpected.values())

    def finish(self):
        """Drops the calls still waiting for a connection (a client or server that fell behind)."""
        dropped = 0
        while True:
            try:
                self.jobs.get_nowait()
                dropped += 1
            except queue.Empty:
                break
        for _ in self.threads:
            self.jobs.put(None)
        for thread in self.threads:
            thread.join(timeout=180)
        return dropped


def percentile(values, fraction):
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def draw(rows, png, title):
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("soak: matplotlib is missing (Debian python3-matplotlib): no chart", file=sys.stderr)
        return False
    t = [r["t_s"] / 60.0 for r in rows]
    panels = [
        ("RSS (MB)", ["rss_mb"]),
        ("open fds, threads", ["fds", "threads"]),
        ("database (MB)", ["db_mb"]),
        ("latency (ms)", ["p50_ms", "p99_ms"]),
        ("calls/s", ["rate"]),
        ("calls not sent yet", ["backlog"]),
    ]
    figure, axes = plt.subplots(len(panels), 1, figsize=(9, 12), sharex=True)
    for axis, (label, columns) in zip(axes, panels):
        for column in columns:
            axis.plot(t, [r[column] for r in rows], label=column, linewidth=1)
        axis.set_ylabel(label)
        axis.set_ylim(bottom=0)
        axis.grid(alpha=0.3)
        if len(columns) > 1:
            axis.legend(loc="upper left", fontsize="small")
    axes[-1].set_xlabel("minutes")
    figure.suptitle(title)
    figure.tight_layout()
    figure.savefig(png, dpi=80)
    return True


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--funcdeskd", required=True, help="the funcdeskd binary")
    parser.add_argument("--duration", type=float, default=60, help="seconds of load (default 60)")
    parser.add_argument("--rate", type=float, default=20, help="invocations a second (default 20)")
    parser.add_argument("--interval", type=float, default=1, help="seconds between samples (default 1)")
    parser.add_argument("--mix", default=DEFAULT_MIX, help=f"action=weight,... (default {DEFAULT_MIX})")
    parser.add_argument("--workers", type=int, default=32, help="client connections (default 32)")
    parser.add_argument("--out", required=True, help="folder for soak.csv, soak.png, funcdeskd.log")
    parser.add_argument("--set", action="append", default=[], help="passed to funcdeskd serve --set")
    parser.add_argument("--check", action="store_true", help="exit 1 when a bound of check.py is broken")
    args = parser.parse_args()

    sequence = parse_mix(args.mix)
    os.makedirs(args.out, exist_ok=True)
    work = tempfile.mkdtemp(prefix="funcdesk-soak-", dir=args.out)
    data_dir = os.path.join(work, "data")
    os.makedirs(data_dir)
    # Enough throttle for the rate; records kept bounded so the database reaches a steady size.
    settings = ["limits.invocationsPerMinute=1000000", "limits.concurrentInvocations=1000",
                "retention.maxCount=20000"] + args.set
    server = Server(args.funcdeskd, data_dir, [a for s in settings for a in ("--set", s)])
    rows = []
    try:
        instances = instances_for(args.rate, sequence)
        create_actions(server, instances)
        print("soak: actions " + ", ".join(f"soak-{k}-0..{v - 1}" for k, v in sorted(instances.items())))
        load = Load(server, args.rate, sequence, instances, args.workers)
        start = time.monotonic()
        until = start + args.duration
        scheduler = threading.Thread(target=load.schedule, args=(until,), daemon=True)
        scheduler.start()
        previous_done = 0
        next_sample = start + args.interval
        while True:
            time.sleep(max(0.0, next_sample - time.monotonic()))
            now = time.monotonic()
            latencies, done, unexpected = load.take()
            rss, fds, threads, db = server.sample()
            rows.append({"t_s": round(now - start, 2), "rss_mb": round(rss, 1), "fds": fds, "threads": threads,
                         "db_mb": round(db, 2), "p50_ms": round(percentile(latencies, 0.50), 2),
                         "p99_ms": round(percentile(latencies, 0.99), 2),
                         "rate": round((done - previous_done) / args.interval, 1), "calls": done,
                         "backlog": load.jobs.qsize(), "unexpected": unexpected})
            previous_done = done
            next_sample += args.interval
            if now >= until and not scheduler.is_alive():
                break
        load.stopping = True
        unsent = load.finish()
        rows[-1]["unexpected"] = load.take()[2]
        rows[-1]["calls"] = load.done
        unexpected = dict(load.unexpected)
    finally:
        exit_code = server.stop()
    csv = os.path.join(args.out, "soak.csv")
    check.write_csv(csv, rows)
    title = f"funcdeskd soak: {args.rate:g} calls/s for {args.duration / 60:.3g} min ({args.mix})"
    drawn = draw(rows, os.path.join(args.out, "soak.png"), title)
    shutil.move(os.path.join(work, "funcdeskd.log"), os.path.join(args.out, "funcdeskd.log"))
    shutil.rmtree(work, ignore_errors=True)
    summary = check.summarize(rows)
    print(f"soak: {rows[-1]['calls']} calls answered in {args.duration:g} s at {args.rate:g}/s "
          f"({unsent} never sent: the load fell behind); unexpected answers: {unexpected or 'none'}; "
          f"funcdeskd exit {exit_code}")
    print("soak: " + ", ".join(f"{k} {v}" for k, v in summary.items()))
    print(f"soak: {csv}" + (f" and {os.path.join(args.out, 'soak.png')}" if drawn else ""))
    if args.check:
        problems = check.problems(rows)
        if exit_code != 0:
            problems.append(f"funcdeskd exited {exit_code} after SIGTERM")
        for problem in problems:
            print("soak: FAILED: " + problem, file=sys.stderr)
        return 1 if problems else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
