"""A simulated lifter follows a block, and the main lifts' loads are read per day type.

    python bench/lifter.py                  # an 8-week, 3-day block
    python bench/lifter.py --weeks 6 --seed 2

The lifter is a model, not a person: each lift has a true one-rep max that grows about
1.2 % a week. At the load backplan suggests, the lifter does the reps that leave the
prescribed reps in reserve (Epley backwards), never more than two past the top of
the range, and logs them with that effort; about one session in eight a set falls two
reps short; one day in week 3 is a bad day (10 % weaker); and one week in the middle
is missed. Every session is planned and logged through the command line, on the
clock of its day, in a fresh history. The report: each main lift's suggested load on
each day type, week by week, and whether it rose from the first week to the last.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import sys
import tempfile
from collections import defaultdict
from datetime import date, timedelta
from typing import Any

from typer.testing import CliRunner

from backplan.cli import app

GROWTH = 0.012  # a week
START = date(2026, 1, 5)  # a Monday
# A lifter's true one-rep max for the lifts a block holds (kg), and for anything else.
STRONG = {
    "conventional-deadlift": 180.0, "trap-bar-deadlift": 185.0, "sumo-deadlift": 170.0,
    "barbell-bent-over-row": 95.0, "pendlay-row": 90.0, "t-bar-row": 100.0,
    "lat-pulldown": 85.0, "wide-grip-lat-pulldown": 80.0, "seated-cable-row": 95.0,
}  # fmt: skip
OTHER = 60.0


def _run(*args: str) -> Any:
    result = CliRunner().invoke(app, list(args))
    if result.exit_code != 0:
        raise SystemExit(f"backplan {' '.join(args)}: {result.stderr or result.stdout}")
    return json.loads(result.stdout) if "--json" in args else result.stdout


def _reps(true_max: float, weight: float, rir: int, low: int, high: int) -> int:
    """What leaves `rir` in reserve at `weight`, by Epley: w (1 + (reps + rir) / 30) = 1RM."""
    possible = int(30 * (true_max / weight - 1)) - rir
    return max(1, min(possible, high + 2))


def _log(workout: dict[str, Any], strength: dict[str, float], rng: random.Random,
         bad: bool) -> None:  # fmt: skip
    for e in workout["exercises"]:
        load = e["load"] or {}
        weight = load.get("weight")
        if e["load_type"] != "external" or e["dose"] != "reps":
            _run("log", "--workout", str(workout["id"]), "--done")
            continue
        true_max = strength.setdefault(e["id"], STRONG.get(e["id"], OTHER))
        if bad:
            true_max *= 0.9
        if weight is None:  # no load yet: a light first session, 10 reps at 3 in reserve
            weight = round(true_max / (1 + 13 / 30) / 2.5) * 2.5
        rir = e["rir_max"] if e["rir_max"] is not None else 2
        sets = []
        for number in range(e["sets"]):
            reps = _reps(true_max, weight, rir, e["reps_min"], e["reps_max"])
            if rng.random() < 0.12 and number == e["sets"] - 1:
                reps = max(1, reps - 2)  # the last set falls short now and then
            sets.append(f"{reps}x{weight:g}kg@{rir}rir")
        _run("log", "--workout", str(workout["id"]), e["id"], *sets, "--replace")


def follow(weeks: int, days: int, seed: int) -> dict[str, dict[str, list[tuple[int, float]]]]:
    """Each main lift's load per day type: {lift: {goal: [(week, kg), ...]}}."""
    rng = random.Random(seed)
    strength: dict[str, float] = {}
    loads: dict[str, dict[str, list[tuple[int, float]]]] = defaultdict(lambda: defaultdict(list))
    missed = weeks // 2 + 1  # a week off in the middle
    with tempfile.TemporaryDirectory() as home:
        os.environ["BACKPLAN_HOME"] = home
        os.environ["BACKPLAN_NOW"] = f"{START.isoformat()}T07:00:00+00:00"
        block = _run("program", "new", "--weeks", str(weeks), "--days", str(days),
                     "--seed", str(seed), "--start", START.isoformat(), "--json")  # fmt: skip
        mains = {m["id"] for m in block["main_lifts"]}
        week_of_block = 0
        for calendar_week in range(weeks + 1):
            if calendar_week == missed:
                for lift in strength:  # a week off: no training, no growth
                    strength[lift] /= 1 + GROWTH
                continue
            week_of_block += 1
            for day in range(days):
                when = START + timedelta(weeks=calendar_week, days=day * 7 // days)
                os.environ["BACKPLAN_NOW"] = f"{when.isoformat()}T18:00:00+00:00"
                workout = _run("workout", "--json")
                if workout.get("program") is None:
                    return loads  # the block is done
                for e in workout["exercises"]:
                    if e["id"] in mains and e["load"] and e["load"].get("weight"):
                        loads[e["id"]][workout["goal"]].append((week_of_block, e["load"]["weight"]))
                bad = calendar_week == 2 and day == 1
                _log(workout, strength, rng, bad)
            for lift in strength:
                strength[lift] *= 1 + GROWTH
    return loads


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--weeks", type=int, default=8)
    parser.add_argument("--days", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    options = parser.parse_args()
    loads = follow(options.weeks, options.days, options.seed)
    rose = total = lowered = 0
    print(f"{options.weeks}-week, {options.days}-day block, seed {options.seed}: "
          "each main lift's suggested load (kg) per day type, week by week")  # fmt: skip
    for lift, by_goal in sorted(loads.items()):
        for goal, points in sorted(by_goal.items()):
            first, last = points[0][1], points[-1][1]
            total += 1
            rose += last > first
            lowered += sum(b < a for (_, a), (_, b) in itertools.pairwise(points))
            trail = " ".join(f"{kg:g}" for _, kg in points)
            print(f"  {lift:24} {goal:12} {first:>6g} → {last:<6g} {'↑' if last > first else '·'}"
                  f"  ({trail})")  # fmt: skip
    print(
        f"{rose} of {total} main lifts × day types rose from the first week to the last; "
        f"{lowered} times a load went down from one session of a day type to the next."
    )
    return 0 if rose == total else 1


if __name__ == "__main__":
    sys.exit(main())
