"""`backplan report` on a long history: its time beside `export` (which reads the same
workouts into the same documents), and the size of the file it writes.

    .venv/bin/python bench/report.py                  # 10,000 workouts, 7 runs each
    .venv/bin/python bench/report.py --workouts 1000 --runs 5

The history (one logged workout a day, planned by the real planner, with weigh-ins and
ratings of the back: tests/report_history.py) is made once into bench/.work and reused.
The two commands run in turn, A B A B, so a drift in the machine's speed moves both.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "bench" / ".work"
NOW = "2026-12-05T18:00:00+00:00"
BACKPLAN = [sys.executable, "-m", "backplan"]


def home(workouts: int) -> Path:
    """A BACKPLAN_HOME of `workouts` logged workouts, one a day up to the day before NOW."""
    sys.path.insert(0, str(ROOT))
    from tests.report_history import fill

    from backplan.store import history, migrations

    made = WORK / f"home-report-{workouts}"
    if made.exists():
        return made
    partial = made.with_name(made.name + ".partial")
    partial.mkdir(parents=True, exist_ok=True)
    last = datetime.fromisoformat(NOW) - timedelta(days=1)
    with history.open_store(partial / migrations.FILE_NAME) as store:
        # Test data only: no fsync at each of the 60,000 commits (minutes, not an hour).
        store._db.execute("PRAGMA synchronous = OFF")
        fill(store, workouts, last, every=1)
    partial.rename(made)
    return made


def timed(args: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(args, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workouts", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=7)
    given = parser.parse_args()
    where = home(given.workouts)
    out = WORK / f"report-{given.workouts}.html"
    env = {**os.environ, "BACKPLAN_HOME": str(where), "BACKPLAN_NOW": NOW}
    report = [*BACKPLAN, "report", "--output", str(out), "--force"]
    export = [*BACKPLAN, "export", "--output", str(WORK / "export.json"), "--force"]
    timed(report, env)  # a warm-up: the page cache, the bytecode
    pairs = [(timed(report, env), timed(export, env)) for _ in range(given.runs)]
    a = statistics.median(p[0] for p in pairs)
    b = statistics.median(p[1] for p in pairs)
    ratio = statistics.median(p[0] / p[1] for p in pairs)
    size = out.stat().st_size
    low, high = min(p[0] for p in pairs), max(p[0] for p in pairs)
    print(f"report, {given.workouts:,} workouts: median {a * 1000:.0f} ms "
          f"(min {low * 1000:.0f}, max {high * 1000:.0f})")  # fmt: skip
    print(f"export, the same history:   median {b * 1000:.0f} ms; report/export {ratio:.2f}x")
    print(f"file: {size:,} bytes ({size / 1024:.0f} KB); goals: under 3 s, under 1 MB: "
          f"{'ok' if a < 3 and size < 1_000_000 else 'MISSED'}")  # fmt: skip


if __name__ == "__main__":
    main()
