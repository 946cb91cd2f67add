#!/usr/bin/python3
"""soak_selftest: the soak's bounds (check.py) pass a flat run and fail a leaking one."""

import math
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import check  # noqa: E402


def run(samples=60, rss=lambda t: 40.0, fds=lambda t: 60, unexpected=0):
    rows = []
    for t in range(samples):
        rows.append({"t_s": float(t), "rss_mb": rss(t), "fds": float(fds(t)), "threads": 40.0, "db_mb": 5.0,
                     "p50_ms": 3.0, "p99_ms": 20.0, "rate": 20.0, "calls": 20.0 * t, "backlog": 0.0,
                     "unexpected": 0.0})
    rows[-1]["unexpected"] = float(unexpected)
    return rows


class SoakBounds(unittest.TestCase):
    def test_flat_run_with_noise_and_warm_up_passes(self):
        rows = run(rss=lambda t: (20.0 if t < 10 else 40.0) + 3 * math.sin(t), fds=lambda t: 30 if t < 10 else 60 + t % 5)
        self.assertEqual(check.problems(rows), [])

    def test_growing_rss_fails(self):
        rows = run(rss=lambda t: 40.0 + 0.5 * t)  # 30 MB a minute
        self.assertEqual(len(check.problems(rows)), 1)
        self.assertIn("RSS grew", check.problems(rows)[0])

    def test_growing_fds_fail(self):
        rows = run(fds=lambda t: 60 + t)  # one fd a second, never closed
        self.assertIn("open fds grew", check.problems(rows)[0])

    def test_unexpected_answers_fail(self):
        self.assertIn("answer their action does not give", check.problems(run(unexpected=3))[0])

    def test_too_short_a_run_fails(self):
        self.assertIn("only 4 samples", check.problems(run(samples=4))[0])

    def test_csv_round_trip(self):
        import tempfile
        rows = run(samples=10)
        with tempfile.TemporaryDirectory() as folder:
            path = os.path.join(folder, "soak.csv")
            check.write_csv(path, rows)
            self.assertEqual(check.read_csv(path), rows)


if __name__ == "__main__":
    unittest.main()
