"""backplan's benchmark suite: each command timed side by side with its reference.

    python bench/run.py                 # everything, 15 runs of each command
    python bench/run.py --runs 30 --only workout

Runs alternate between the command and its reference, so machine noise hits both
alike; the table shows medians, their ratio, the goal the ratio must stay within,
and the peak memory (maximum resident set) of the command's slowest-memory run.
Absolute times are context only. Test data is generated once into bench/.work.
"""

from __future__ import annotations

import argparse
import os
import platform
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
MINIMAL = [PYTHON, str(BENCH / "minimal_list.py")]
FLOOR = [PYTHON, str(BENCH / "floor_list.py")]
# Completion is keyed to the program's name, so it runs the installed script.
SCRIPT = [str(Path(PYTHON).parent / "backplan")]
# What bash asks when you press tab after `backplan show pu`.
COMPLETE = {"_BACKPLAN_COMPLETE": "complete_bash", "COMP_WORDS": "backplan show pu",
            "COMP_CWORD": "2"}  # fmt: skip
MEMORY_LIMIT_MB = 80


@dataclass(frozen=True)
class Side:
    argv: Sequence[str]
    env: Mapping[str, str] = field(default_factory=dict)
    fresh_home: bool = False  # a new, empty BACKPLAN_HOME for every run (an import)


@dataclass(frozen=True)
class Pair:
    name: str
    ours: Side
    reference: Side
    goal: float | None  # None: context, no goal
    seconds: float | None = None  # a limit on our median time, where the goal is absolute


def _generate(*args: object) -> Path:
    made = subprocess.run(
        [PYTHON, str(BENCH / "generate.py"), *map(str, args)],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    return Path(made.stdout.strip())


def catalogue_file(work: Path, size: int) -> Path:
    return _generate("catalogue", work, size)


def history_home(work: Path, catalogue: Path, workouts: int) -> Path:
    return _generate("history", work, catalogue, workouts)


def pairs(work: Path) -> list[Pair]:
    shipped = paths.shipped_catalogue()
    big, huge = catalogue_file(work, 2_000), catalogue_file(work, 10_000)
    home = {size: {"BACKPLAN_HOME": str(history_home(work, shipped, size))}
            for size in (1_500, 10_000)}  # fmt: skip
    empty = {"BACKPLAN_HOME": str(work / "home-empty")}
    plan = [*BACKPLAN, "workout", "--no-save", "--json", "--seed", "1"]
    block = [*BACKPLAN, "program", "new", "--weeks", "12", "--days", "5", "--seed", "1",
             "--replace", "--json"]  # fmt: skip

    def against_empty(name: str, argv: list[str], size: int, goal: float | None) -> Pair:
        return Pair(f"{name}: {size:,} workouts vs none", Side(argv, home[size]),
                    Side(argv, empty), goal)  # fmt: skip

    return [
        Pair("--help vs minimal typer+rich", Side([*BACKPLAN, "--help"], empty),
             Side([*MINIMAL, "--help"]), 1.2),
        Pair("list vs minimal typer+rich", Side([*BACKPLAN, "list"], empty),
             Side([*MINIMAL, "list"]), 1.2),
        Pair("list vs python -c pass", Side([*BACKPLAN, "list"], empty),
             Side([PYTHON, "-c", "pass"]), None),
        # Against a floor with no CLI framework at all: Python, PyYAML's C loader, rich.
        Pair("list vs floor (no framework)", Side([*BACKPLAN, "list"], empty),
             Side([*FLOOR]), 1.3),
        Pair("show vs floor (no framework)", Side([*BACKPLAN, "show", "pull-up"], empty),
             Side([*FLOOR, "pull-up"]), 1.3),
        Pair("completion vs floor (no framework)", Side(SCRIPT, {**empty, **COMPLETE}),
             Side([*FLOOR, "pull-up"]), 1.3),
        against_empty("workout", plan, 1_500, None),
        against_empty("workout", plan, 10_000, 1.3),
        Pair("workout: 2,000 vs shipped exercises", Side([*plan, "--catalog", str(big)], empty),
             Side([*plan, "--catalog", str(shipped)], empty), 2.0),
        Pair("workout: 10,000 vs shipped exercises", Side([*plan, "--catalog", str(huge)], empty),
             Side([*plan, "--catalog", str(shipped)], empty), 3.0),
        Pair("workout: 3,000 workouts vs none, 2k ex.",
             Side([*plan, "--catalog", str(big)], {"BACKPLAN_HOME": str(
                 history_home(work, big, 3_000))}),
             Side([*plan, "--catalog", str(big)], empty), 1.2),
        # A 12-week, 5-day block planned (and stored) against planning one workout.
        Pair("program new 12x5 vs one workout, shipped",
             Side(block, {"BACKPLAN_HOME": str(work / "home-program")}), Side(plan, empty), 2.0),
        Pair("program new 12x5 vs one workout, 10,000 ex.",
             Side([*block, "--catalog", str(huge)], {"BACKPLAN_HOME": str(work / "home-program")}),
             Side([*plan, "--catalog", str(huge)], empty), 2.0),
        # An import of Strong rows: a time limit, and memory as flat as for a small file.
        Pair("import 50,000 Strong rows vs 500",
             Side([*BACKPLAN, "import", "--from", "strong", str(_generate("strong", work, 50_000)),
                   "--unit", "kg"], fresh_home=True),
             Side([*BACKPLAN, "import", "--from", "strong", str(_generate("strong", work, 500)),
                   "--unit", "kg"], fresh_home=True), None, seconds=3.0),
        Pair("progress: 2,000 sessions vs 10",
             Side([*BACKPLAN, "progress", "barbell-bent-over-row"],
                  {"BACKPLAN_HOME": str(_generate("logged", work, 2_000))}),
             Side([*BACKPLAN, "progress", "barbell-bent-over-row"],
                  {"BACKPLAN_HOME": str(_generate("logged", work, 10))}), 1.3),
        # A write checks the file is intact first (PRAGMA quick_check): its cost grows
        # with the history.
        against_empty("pin, a write", [*BACKPLAN, "pin", "pull-up"], 10_000, 1.3),
        against_empty("history", [*BACKPLAN, "history"], 1_500, None),
        against_empty("history", [*BACKPLAN, "history"], 10_000, 1.3),
        against_empty("status", [*BACKPLAN, "status"], 1_500, None),
        against_empty("status", [*BACKPLAN, "status"], 10_000, 1.3),
        against_empty("stats", [*BACKPLAN, "stats"], 1_500, None),
        against_empty("stats", [*BACKPLAN, "stats"], 10_000, 1.3),
        against_empty("export", [*BACKPLAN, "export"], 1_500, None),
        against_empty("export", [*BACKPLAN, "export"], 10_000, None),
    ]  # fmt: skip


def run_once(side: Side, env: Mapping[str, str]) -> tuple[float, float]:
    """Wall time in seconds and peak resident memory in MB of one run."""
    import shutil
    import tempfile

    extra = dict(side.env)
    if side.fresh_home:
        extra["BACKPLAN_HOME"] = tempfile.mkdtemp(prefix="backplan-bench-")
    start = time.perf_counter()
    child = subprocess.Popen(
        side.argv, env={**env, **extra}, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode:
        error = child.stderr.read().decode() if child.stderr else ""
        raise SystemExit(f"{' '.join(side.argv)} failed ({child.returncode}): {error}")
    if child.stderr:
        child.stderr.close()
    if side.fresh_home:
        shutil.rmtree(extra["BACKPLAN_HOME"], ignore_errors=True)
    return elapsed, usage.ru_maxrss / 1024  # Linux reports kilobytes


def measure(pair: Pair, runs: int, env: Mapping[str, str]) -> tuple[float, float, float]:
    for side in (pair.ours, pair.reference):  # warm the file cache, .pyc files and caches
        run_once(side, env)
    ours, theirs, memory = [], [], 0.0
    for _ in range(runs):
        elapsed, peak = run_once(pair.ours, env)
        ours.append(elapsed)
        memory = max(memory, peak)
        theirs.append(run_once(pair.reference, env)[0])
    return statistics.median(ours), statistics.median(theirs), memory


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
    # An installed program runs from .pyc files; without them every run would pay
    # for compiling backplan's source, which no user does.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    print(f"preparing test data in {work} (made once, then reused)...", flush=True)
    chosen = [p for p in pairs(work) if not options.only or any(o in p.name for o in options.only)]
    print(
        f"{platform.python_implementation()} {platform.python_version()} on "
        f"{platform.machine()}, {os.cpu_count()} cores; median of {options.runs} runs each\n"
    )
    header = f"{'benchmark':<44} {'backplan':>9} {'ref.':>9} {'ratio':>6} {'goal':>5}  {'peak':>6}"
    print(header)
    print("-" * len(header))
    missed = 0
    for pair in chosen:
        ours, theirs, memory = measure(pair, options.runs, env)
        ratio = ours / theirs
        fits = (
            (pair.goal is None or ratio <= pair.goal)
            and (pair.seconds is None or ours <= pair.seconds)
            and memory < MEMORY_LIMIT_MB
        )
        missed += not fits
        goal = (
            f"{pair.goal:.1f}x" if pair.goal else f"<{pair.seconds:g}s" if pair.seconds else "  -  "
        )
        print(
            f"{pair.name:<44} {ours * 1000:>7.0f}ms {theirs * 1000:>7.0f}ms {ratio:>5.2f}x "
            f"{goal:>5}  {memory:>4.0f}MB  {'ok' if fits else 'MISSED'}",
            flush=True,
        )
    print(f"\ngoals: each ratio within its goal, and peak memory under {MEMORY_LIMIT_MB} MB")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
