"""`backplan sync`, timed side by side with `history` (the same alternating runs as
bench/run.py):

    python bench/sync.py              # 15 runs of each
    python bench/sync.py --runs 30

A laptop's year of training (200 workouts of six exercises, four of them logged, three
sets each, and a weigh-in a week) is journaled once into a shared folder in
bench/.work. Then: a new phone syncs all of it (a new home every run), and a phone
that has it syncs with nothing new, each against `history` on the synced phone.
The medians of wall and of CPU time are printed with their ratios.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from backplan import catalogue, paths
from backplan.catalogue.model import Level
from backplan.store import history, migrations
from backplan.training.bodyweight import WeighIn
from backplan.training.loads import SetDone
from backplan.training.model import Recency
from backplan.training.planner import Request, plan
from run import BACKPLAN, Pair, Side

WORK = Path(__file__).resolve().parent / ".work"
WORKOUTS = 200


def year_home(folder: Path) -> Path:
    """A laptop home with a year of logged training."""
    home = folder / f"sync-laptop-{WORKOUTS}"
    if home.exists():
        return home
    exercises = catalogue.load(paths.shipped_catalogue()).exercises
    rng = random.Random(WORKOUTS)
    start = datetime.now().astimezone().replace(hour=7, minute=0, second=0, microsecond=0)
    start -= timedelta(days=366)
    partial = home.with_name(home.name + ".partial")
    partial.mkdir(parents=True, exist_ok=True)
    with history.open_store(partial / migrations.FILE_NAME) as store:
        for number in range(WORKOUTS):
            when = start + timedelta(days=number * 365 // WORKOUTS)
            request = Request(exercises=6, level=Level.ADVANCED, seed=number)
            saved = store.save(plan(rng.sample(exercises, 6), request, Recency(), when))
            for e in saved.exercises[:4]:
                weight = 40.0 + rng.randrange(0, 60, 5)
                store.log(saved.id or 0, e.id, [SetDone(8, weight, "kg")] * 3)
            if number % 4 == 0:
                store.weigh(WeighIn(when.date(), 80.0 + number % 5, "kg"), when.timestamp())
    partial.rename(home)
    return home


def shared_folder(folder: Path) -> Path:
    """The laptop's year, journaled into a shared folder once."""
    shared = folder / f"sync-shared-{WORKOUTS}"
    if not shared.exists():
        laptop = year_home(folder)
        partial = shared.with_name(shared.name + ".partial")
        partial.mkdir(parents=True, exist_ok=True)
        env = {**os.environ, "BACKPLAN_HOME": str(laptop)}
        subprocess.run([*BACKPLAN, "sync", "--dir", str(partial)], env=env, check=True,
                       capture_output=True)  # fmt: skip
        partial.rename(shared)
    return shared


def run_once(side: Side, env: dict[str, str]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (user + system) and peak MB of one run. The CPU time
    moves less than the wall time when the machine is shared."""
    extra = dict(side.env)
    if side.fresh_home:
        extra["BACKPLAN_HOME"] = tempfile.mkdtemp(prefix="backplan-bench-")
    start = time.perf_counter()
    child = subprocess.Popen(side.argv, env={**env, **extra}, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status):
        raise SystemExit(f"{' '.join(side.argv)} failed")
    if side.fresh_home:
        shutil.rmtree(extra["BACKPLAN_HOME"], ignore_errors=True)
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def measure(pair: Pair, runs: int, env: dict[str, str]) -> list[float]:
    """Medians of wall and CPU time, ours then the reference's, and our peak memory."""
    for side in (pair.ours, pair.reference):
        run_once(side, env)  # warm the file cache and .pyc files
    ours, theirs = [], []
    for _ in range(runs):
        ours.append(run_once(pair.ours, env))
        theirs.append(run_once(pair.reference, env))
    return [
        *(statistics.median(r[i] for r in ours) for i in (0, 1)),
        *(statistics.median(r[i] for r in theirs) for i in (0, 1)),
        max(r[2] for r in ours),
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    runs = parser.parse_args().runs
    WORK.mkdir(exist_ok=True)
    shared = shared_folder(WORK)
    phone = WORK / f"sync-phone-{WORKOUTS}"
    env = {k: v for k, v in os.environ.items() if not k.startswith("BACKPLAN_")}
    subprocess.run([*BACKPLAN, "sync", "--dir", str(shared)], env={**env,
                   "BACKPLAN_HOME": str(phone)}, check=True, capture_output=True)  # fmt: skip
    synced = {"BACKPLAN_HOME": str(phone), "BACKPLAN_SYNC_DIR": str(shared)}
    pairs = [
        Pair(
            f"a year ({WORKOUTS} workouts) from another device",
            Side([*BACKPLAN, "sync", "--dir", str(shared)], fresh_home=True),
            Side([*BACKPLAN, "history"], synced),
            None,
            seconds=1.0,
        ),
        Pair(
            "nothing new",
            Side([*BACKPLAN, "sync"], synced),
            Side([*BACKPLAN, "history"], synced),
            1.2,
        ),
    ]
    print(f"{'benchmark':46} {'wall':>7} {'ref.':>7} {'ratio':>6} {'cpu':>7} {'ref.':>7}"
          f" {'ratio':>6}  goal    peak")  # fmt: skip
    failed = False
    for pair in pairs:
        wall, cpu, ref_wall, ref_cpu, peak = measure(pair, runs, env)
        ratio = wall / ref_wall
        good = (pair.goal is None or ratio <= pair.goal) and (
            pair.seconds is None or wall <= pair.seconds
        )
        goal = f"{pair.goal:.1f}x" if pair.goal else f"<{pair.seconds:g}s"
        print(f"{pair.name:46} {wall * 1000:5.0f}ms {ref_wall * 1000:5.0f}ms {ratio:5.2f}x"
              f" {cpu * 1000:5.0f}ms {ref_cpu * 1000:5.0f}ms {cpu / ref_cpu:5.2f}x"
              f"  {goal:6} {peak:3.0f}MB  {'ok' if good else 'MISSED'}")  # fmt: skip
        failed |= not good
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
