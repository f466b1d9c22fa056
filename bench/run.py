"""backplan's benchmarks: each command timed side by side with its reference, in one run.

    python bench/run.py            # every benchmark, 15 runs each
    python bench/run.py --runs 30 --only list

Runs alternate between the command and its reference so machine noise hits both
alike; the table shows medians and the ratio, with the goal it must stay within.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

BENCH = Path(__file__).resolve().parent
PYTHON = sys.executable
BACKPLAN = [PYTHON, "-m", "backplan"]


@dataclass(frozen=True)
class Pair:
    name: str
    command: Sequence[str]
    reference: Sequence[str]
    goal: float
    env: tuple[tuple[str, str], ...] = ()


def pairs(work: Path) -> list[Pair]:
    return [
        Pair("list", [*BACKPLAN, "list"], [PYTHON, str(BENCH / "minimal_list.py"), "list"], 1.3),
    ]


def time_once(command: Sequence[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=True)
    return time.perf_counter() - start


def measure(pair: Pair, runs: int, base_env: dict[str, str]) -> tuple[float, float]:
    env = {**base_env, **dict(pair.env)}
    for command in (pair.command, pair.reference):  # warm the file cache and .pyc files
        time_once(command, env)
    ours, theirs = [], []
    for _ in range(runs):
        ours.append(time_once(pair.command, env))
        theirs.append(time_once(pair.reference, env))
    return statistics.median(ours), statistics.median(theirs)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="runs of each command (default 15)")
    parser.add_argument("--only", action="append", help="run only benchmarks with these names")
    options = parser.parse_args()
    work = BENCH / ".work"
    work.mkdir(exist_ok=True)
    env = {
        **os.environ,
        "BACKPLAN_HOME": str(work / "home-empty"),
        "COLUMNS": "80",
        "NO_COLOR": "1",
    }
    env.pop("BACKPLAN_CATALOG", None)
    print(f"{'benchmark':<28} {'backplan':>10} {'reference':>10} {'ratio':>7} {'goal':>6}")
    missed = 0
    for pair in pairs(work):
        if options.only and pair.name not in options.only:
            continue
        ours, theirs = measure(pair, options.runs, env)
        ratio = ours / theirs
        verdict = "ok" if ratio <= pair.goal else "MISSED"
        missed += verdict != "ok"
        print(
            f"{pair.name:<28} {ours * 1000:>8.1f}ms {theirs * 1000:>8.1f}ms "
            f"{ratio:>6.2f}x {pair.goal:>5.1f}x  {verdict}"
        )
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
