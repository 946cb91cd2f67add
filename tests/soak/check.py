"""The soak's bounds (docs/testing.md, "Soak"): what a run must keep to pass `soak.py --check`.

The first quarter of the samples is warm-up (processes start, SQLite's cache and the warm pool
fill) and is not judged. The second quarter is the reference, the last quarter the end; each is
summed up by its median, so one slow sample does not decide. A run fails when
- RSS grows: the end's median RSS is above the reference's by more than RSS_GROWTH_FRACTION of it
  plus RSS_GROWTH_MB;
- open fds grow: the end's highest count is above the reference's highest by more than FD_GROWTH;
- any call got an answer its action does not give (a 429, a 500, a dropped connection...).
p99 latency and the database size are reported, not judged: on a shared machine they follow the
neighbours' load (the database is bounded by the run's retention.maxCount).
"""

import csv
import statistics

RSS_GROWTH_FRACTION = 0.10
RSS_GROWTH_MB = 8.0
FD_GROWTH = 16
COLUMNS = ["t_s", "rss_mb", "fds", "threads", "db_mb", "p50_ms", "p99_ms", "rate", "calls", "backlog", "unexpected"]


def write_csv(path, rows):
    with open(path, "w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(rows)


def read_csv(path):
    with open(path, newline="") as f:
        return [{k: float(v) for k, v in row.items()} for row in csv.DictReader(f)]


def quarters(rows):
    n = len(rows)
    return rows[n // 4:n // 2], rows[3 * n // 4:]


def median(rows, column):
    values = [r[column] for r in rows if r[column] == r[column]]  # NaN (no call in a sample) left out
    return statistics.median(values) if values else float("nan")


def summarize(rows):
    reference, end = quarters(rows)
    return {
        "rss_mb (reference/end)": f"{median(reference, 'rss_mb'):.1f}/{median(end, 'rss_mb'):.1f}",
        "fds max": f"{max(r['fds'] for r in reference):.0f}/{max(r['fds'] for r in end):.0f}",
        "threads max": f"{max(r['threads'] for r in reference):.0f}/{max(r['threads'] for r in end):.0f}",
        "db_mb": f"{median(reference, 'db_mb'):.1f}/{median(end, 'db_mb'):.1f}",
        "p99_ms": f"{median(reference, 'p99_ms'):.1f}/{median(end, 'p99_ms'):.1f}",
        "calls/s": f"{median(reference, 'rate'):.0f}/{median(end, 'rate'):.0f}",
    }


def problems(rows):
    if len(rows) < 8:
        return [f"only {len(rows)} samples: run longer than 8 sampling intervals"]
    found = []
    reference, end = quarters(rows)
    rss_before, rss_after = median(reference, "rss_mb"), median(end, "rss_mb")
    allowed = rss_before * (1 + RSS_GROWTH_FRACTION) + RSS_GROWTH_MB
    if rss_after > allowed:
        found.append(f"RSS grew from {rss_before:.1f} MB to {rss_after:.1f} MB (allowed: {allowed:.1f} MB)")
    fds_before, fds_after = max(r["fds"] for r in reference), max(r["fds"] for r in end)
    if fds_after > fds_before + FD_GROWTH:
        found.append(f"open fds grew from {fds_before:.0f} to {fds_after:.0f} (allowed: +{FD_GROWTH})")
    if rows[-1]["unexpected"] > 0:
        found.append(f"{rows[-1]['unexpected']:.0f} calls got an answer their action does not give")
    return found
