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
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from backplan import paths

BENCH = Path(__file__).resolve().parent
PYTHON = sys.executable
BACKPLAN = [PYTHON, "-m", "backplan"]


@dataclass(frozen=True)
class Side:
    argv: Sequence[str]
    env: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Pair:
    name: str
    ours: Side
    reference: Side
    goal: float


def pairs(work: Path) -> list[Pair]:
    from generate import catalogue_file, history_home

    shipped = str(paths.shipped_catalogue())
    big = catalogue_file(work, 2_000)
    empty = {"BACKPLAN_HOME": str(work / "home-empty")}
    plan = [*BACKPLAN, "workout", "--no-save", "--json", "--seed", "1"]
    return [
        Pair(
            "list vs minimal typer+rich",
            Side([*BACKPLAN, "list"], empty),
            Side([PYTHON, str(BENCH / "minimal_list.py"), "list"]),
            1.3,
        ),
        Pair(
            "workout: 3,000 saved vs none (2k ex.)",
            Side(
                [*plan, "--catalog", str(big)],
                {"BACKPLAN_HOME": str(history_home(work, big, 3_000))},
            ),
            Side([*plan, "--catalog", str(big)], empty),
            1.2,
        ),
        Pair(
            "workout: 2k exercises vs shipped",
            Side([*plan, "--catalog", str(big)], empty),
            Side([*plan, "--catalog", shipped], empty),
            2.0,
        ),
    ]


def time_once(side: Side, env: Mapping[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(
        side.argv,
        env={**env, **side.env},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        check=True,
    )
    return time.perf_counter() - start


def measure(pair: Pair, runs: int, env: Mapping[str, str]) -> tuple[float, float]:
    for side in (pair.ours, pair.reference):  # warm the file cache and .pyc files
        time_once(side, env)
    ours, theirs = [], []
    for _ in range(runs):
        ours.append(time_once(pair.ours, env))
        theirs.append(time_once(pair.reference, env))
    return statistics.median(ours), statistics.median(theirs)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="runs of each command (default 15)")
    parser.add_argument(
        "--only", action="append", help="run only benchmarks whose names contain this"
    )
    options = parser.parse_args()
    work = BENCH / ".work"
    work.mkdir(exist_ok=True)
    env = {**os.environ, "COLUMNS": "80", "NO_COLOR": "1"}
    env.pop("BACKPLAN_CATALOG", None)
    env.pop("BACKPLAN_HOME", None)
    print(f"preparing test data in {work} (cached after the first run)...", flush=True)
    chosen = [p for p in pairs(work) if not options.only or any(o in p.name for o in options.only)]
    print(
        f"{'benchmark (median of ' + str(options.runs) + ' runs)':<42} "
        f"{'backplan':>10} {'reference':>10} {'ratio':>7} {'goal':>6}"
    )
    missed = 0
    for pair in chosen:
        ours, theirs = measure(pair, options.runs, env)
        ratio = ours / theirs
        verdict = "ok" if ratio <= pair.goal else "MISSED"
        missed += verdict != "ok"
        print(
            f"{pair.name:<42} {ours * 1000:>8.1f}ms {theirs * 1000:>8.1f}ms "
            f"{ratio:>6.2f}x {pair.goal:>5.1f}x  {verdict}",
            flush=True,
        )
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
