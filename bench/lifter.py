"""Simulated lifters follow a block, and the main lifts' loads are read per day type.

    python bench/lifter.py                  # 8 weeks, 3 days: 3 levels x 3 lifters
    python bench/lifter.py --weeks 6 --seed 2 --level beginner

A lifter is a model, not a person: each lift has a true one-rep max that grows by a
set share a week (0 %, 1.2 % or 2 %). At the load backplan suggests, the lifter does
the reps that leave the prescribed reps in reserve (Epley backwards), never more than
two past the top of the range, and logs them with the effort he had, to the nearest
rep in reserve; about one session in
eight the last set falls two reps short; one day in week 3 is a bad day (10 % weaker);
and one week in the middle is missed (no training, and that week's growth lost). A
lift with no load yet starts at what the lifter can do for 10 reps at 3 in reserve.
Every session is planned and logged through the command line, on the clock of its
day, in a fresh history.

The report: each main lift's load on each day type, first week to last, beside the
lifter's real working weight in the last week (the heaviest load on the increment that
leaves the day's target reps at its effort, by his true max), and five checks:
every main lift x day type rises for the 1.2 % and 2 % lifters; the 2 % lifter's
last strength-day load is at least 10 % above the 0 % lifter's; a beginner's load
rises by week 2; no load is cut the session after the bad day; the 0 % lifter's last
loads are within one increment of his real working weight.
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
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from typer.testing import CliRunner

from backplan import catalogue, paths
from backplan.cli import app
from backplan.training.loads import floor_to, increment

GROWTH = 0.012  # a week
GROWTHS = (0.0, 0.012, 0.02)
LEVELS = ("beginner", "intermediate", "advanced")
START = date(2026, 1, 5)  # a Monday
BAD_WEEK, BAD_DAY = 2, 1  # calendar week (from 0) and day of the bad day
# A lifter's true one-rep max for the lifts a block holds (kg), and for anything else.
STRONG = {
    "conventional-deadlift": 180.0, "trap-bar-deadlift": 185.0, "sumo-deadlift": 170.0,
    "romanian-deadlift": 150.0, "barbell-bent-over-row": 95.0, "pendlay-row": 90.0,
    "t-bar-row": 100.0, "lat-pulldown": 85.0, "wide-grip-lat-pulldown": 80.0,
    "seated-cable-row": 95.0,
}  # fmt: skip
OTHER = 60.0
SHIPPED = catalogue.load(paths.shipped_catalogue())


@dataclass(frozen=True)
class Point:
    """One session of a main lift on a day type."""

    week: int  # of the block
    weight: float  # lifted: the suggestion, or the lifter's own first guess
    real: float  # the heaviest load on the increment that leaves the target, by his true max
    step: float
    suggested: bool  # False: no load was known, the lifter chose it
    after_bad: bool  # the first session of this day type after a single bad day
    target: tuple[int, int] = (0, 0)  # reps and reps in reserve asked


Loads = dict[str, dict[str, list[Point]]]


def _run(*args: str) -> Any:
    result = CliRunner().invoke(app, list(args))
    if result.exit_code != 0:
        raise SystemExit(f"backplan {' '.join(args)}: {result.stderr or result.stdout}")
    return json.loads(result.stdout) if "--json" in args else result.stdout


def _reps(true_max: float, weight: float, rir: int, high: int) -> int:
    """What leaves `rir` in reserve at `weight`, by Epley: w (1 + (reps + rir) / 30) = 1RM."""
    possible = int(30 * (true_max / weight - 1) + 1e-9) - rir
    return max(1, min(possible, high + 2))


def _reserve(true_max: float, weight: float, reps: int) -> int:
    """The reps he had left after `reps`, as he rates them: to the nearest whole rep
    (RPE 8 is 2 in reserve), at most 6 (Helms et al. 2016's scale ends at RPE 4)."""
    return max(0, min(6, round(30 * (true_max / weight - 1) - reps)))


def _target(e: dict[str, Any]) -> tuple[int, int]:
    rir = e["rir_max"] if e["rir_max"] is not None else 2
    return (e["reps_min"] + e["reps_max"] + 1) // 2, rir


def _real(true_max: float, e: dict[str, Any]) -> tuple[float, float]:
    """The lifter's real working weight for the exercise's target, and the increment."""
    reps, rir = _target(e)
    step = increment(SHIPPED.by_id[e["id"]].equipment, "kg", {})
    return floor_to(true_max / (1 + (reps + rir) / 30), step), step


def _log(workout: dict[str, Any], strength: dict[str, float], rng: random.Random,
         bad: bool) -> dict[str, tuple[float, bool]]:  # fmt: skip
    """Logs the session; returns the weight lifted on each loaded lift, and whether
    every set reached the target (its reps and reserve together)."""
    lifted = {}
    for e in workout["exercises"]:
        weight = (e["load"] or {}).get("weight")
        if e["load_type"] != "external" or e["dose"] != "reps":
            _run("log", "--workout", str(workout["id"]), "--done")
            continue
        true_max = strength.setdefault(e["id"], STRONG.get(e["id"], OTHER))
        if bad:
            true_max *= 0.9
        if weight is None:  # no load yet: what he can do for 10 reps at 3 in reserve
            weight = floor_to(true_max / (1 + 13 / 30), 2.5)
        reps_asked, rir = _target(e)
        sets = []
        met = True
        for number in range(e["sets"]):
            reps = _reps(true_max, weight, rir, e["reps_max"])
            if rng.random() < 0.12 and number == e["sets"] - 1:
                reps = max(1, reps - 2)  # the last set falls short now and then
            left = _reserve(true_max, weight, reps)
            met = met and reps + left >= reps_asked + rir
            sets.append(f"{reps}x{weight:g}kg@{left}rir")
        _run("log", "--workout", str(workout["id"]), e["id"], *sets, "--replace")
        lifted[e["id"]] = (weight, met)
    return lifted


def follow(weeks: int, days: int, seed: int, level: str = "intermediate",
           growth: float = GROWTH) -> Loads:  # fmt: skip
    """Each main lift's sessions per day type: {lift: {goal: [Point, ...]}}."""
    rng = random.Random(seed)
    strength: dict[str, float] = {}
    loads: Loads = defaultdict(lambda: defaultdict(list))
    missed = weeks // 2 + 1  # a week off in the middle
    bad_seen: set[tuple[str, str]] = set()
    met_last: dict[str, bool] = {}  # each lift's last session reached its target
    single: dict[str, bool] = {}  # the bad day came after a session on target
    with tempfile.TemporaryDirectory() as home:
        os.environ["BACKPLAN_HOME"] = home
        os.environ["BACKPLAN_NOW"] = f"{START.isoformat()}T07:00:00+00:00"
        block = _run("program", "new", "--weeks", str(weeks), "--days", str(days),
                     "--level", level, "--seed", str(seed), "--start", START.isoformat(),
                     "--json")  # fmt: skip
        mains = {m["id"] for m in block["main_lifts"]}
        week_of_block = 0
        for calendar_week in range(weeks + 1):
            if calendar_week == missed:
                continue  # a week off: no training, no growth
            week_of_block += 1
            for day in range(days):
                when = START + timedelta(weeks=calendar_week, days=day * 7 // days)
                os.environ["BACKPLAN_NOW"] = f"{when.isoformat()}T18:00:00+00:00"
                workout = _run("workout", "--json")
                if workout.get("program") is None:
                    return loads  # the block is done
                bad = (calendar_week, day) == (BAD_WEEK, BAD_DAY)
                before = {e["id"]: _real(strength.get(e["id"], STRONG.get(e["id"], OTHER)), e)
                          for e in workout["exercises"] if e["id"] in mains}  # fmt: skip
                if bad:
                    single = {lift: met_last.get(lift, True) for lift in mains}
                lifted = _log(workout, strength, rng, bad)
                met_last |= {lift: met for lift, (_, met) in lifted.items()}
                since_bad = (calendar_week, day) > (BAD_WEEK, BAD_DAY)
                goal = workout["goal"]
                for e in workout["exercises"]:
                    if e["id"] not in before or e["id"] not in lifted:
                        continue
                    first_after = (since_bad and (e["id"], goal) not in bad_seen
                                   and single.get(e["id"], True))  # fmt: skip
                    if since_bad:
                        bad_seen.add((e["id"], goal))
                    real, step = before[e["id"]]
                    suggested = bool((e["load"] or {}).get("weight"))
                    loads[e["id"]][goal].append(
                        Point(
                            week_of_block,
                            lifted[e["id"]][0],
                            real,
                            step,
                            suggested,
                            first_after,
                            _target(e),
                        )
                    )
            for lift in strength:
                strength[lift] *= 1 + growth
    return loads


@dataclass(frozen=True)
class Check:
    claim: str
    ok: bool
    detail: str


def checks(runs: dict[tuple[str, float], Loads]) -> list[Check]:
    """The five claims over every level and lifter run (see the module)."""
    found = []
    flat = [f"{level} {growth:.1%} {lift} {goal}"
            for (level, growth), loads in runs.items() if growth > 0
            for lift, by_goal in loads.items() for goal, points in by_goal.items()
            if points[-1].weight <= points[0].weight]  # fmt: skip
    found.append(Check("every main lift x day type rises for the 1.2 % and 2 % lifters",
                       not flat, ", ".join(flat) or "all rose"))  # fmt: skip
    ratios = []
    for level in {level for level, _ in runs}:
        if (level, 0.0) in runs and (level, 0.02) in runs:
            for lift, by_goal in runs[level, 0.02].items():
                slow = runs[level, 0.0].get(lift, {}).get("strength")
                if by_goal.get("strength") and slow:
                    ratios.append((by_goal["strength"][-1].weight / slow[-1].weight, level, lift))
    low = min(ratios, default=(0.0, "", ""))
    each = {level: min(r for r, lv, _ in ratios if lv == level) for _, level, _ in ratios}
    found.append(Check("the 2 % lifter's last strength-day load is 10 % over the 0 % lifter's",
                       bool(ratios) and low[0] >= 1.10,
                       ", ".join(f"{lv} {r:.3f}" for lv, r in sorted(each.items()))
                       + f" (lowest: {low[2]})"))  # fmt: skip
    late = []  # a beginner's lift whose first load is not beaten by week 2, at its target
    for (level, growth), loads in runs.items():
        for lift, by_goal in loads.items() if level == "beginner" else ():
            points = sorted((p for ps in by_goal.values() for p in ps), key=lambda p: p.week)
            first = points[0]
            if not any(p.week <= 2 and p.target == first.target and p.weight > first.weight
                       for p in points):  # fmt: skip
                late.append(f"{growth:.1%} {lift}")
    found.append(Check("a beginner's load rises by week 2", not late, ", ".join(late) or "all"))
    cut = [f"{level} {growth:.1%} {lift} {goal}"
           for (level, growth), loads in runs.items()
           for lift, by_goal in loads.items() for goal, points in by_goal.items()
           for a, b in itertools.pairwise(points)
           if b.after_bad and b.weight < a.weight]  # fmt: skip
    found.append(Check("no load is cut after a single bad day", not cut,
                       ", ".join(cut) or "none cut"))  # fmt: skip
    off = [f"{level} {lift} {goal} {p.weight:g} vs {p.real:g}"
           for (level, growth), loads in runs.items() if growth == 0
           for lift, by_goal in loads.items() for goal, points in by_goal.items()
           if abs((p := points[-1]).weight - p.real) > p.step + 1e-9]  # fmt: skip
    found.append(Check("the 0 % lifter's last loads are within one increment of his real "
                       "working weight", not off, ", ".join(off) or "all within"))  # fmt: skip
    return found


def table(runs: dict[tuple[str, float], Loads]) -> list[str]:
    """Per level: each main lift x day type, first load -> last (real working weight)."""
    lines = []
    for level in dict.fromkeys(level for level, _ in runs):
        growths = [g for lv, g in runs if lv == level]
        lines.append(f"{level}: first → last load, kg (his real working weight at the end)")
        lines.append(f"  {'main lift':22} {'day':11}" + "".join(f"{g:>20.1%}" for g in growths))
        first = runs[level, growths[0]]
        for lift, by_goal in sorted(first.items()):
            for goal in sorted(by_goal):
                cells = []
                for g in growths:
                    points = runs[level, g].get(lift, {}).get(goal, [])
                    if not points:
                        cells.append(f"{'-':>20}")
                        continue
                    a, b = points[0], points[-1]
                    cells.append(f"{f'{a.weight:g} → {b.weight:g} ({b.real:g})':>20}")
                lines.append(f"  {lift:22} {goal:11}" + "".join(cells))
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--weeks", type=int, default=8)
    parser.add_argument("--days", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--level", choices=LEVELS, action="append")
    options = parser.parse_args()
    runs = {(level, growth): follow(options.weeks, options.days, options.seed, level, growth)
            for level in options.level or LEVELS for growth in GROWTHS}  # fmt: skip
    print(f"{options.weeks}-week, {options.days}-day blocks, seed {options.seed}; lifters "
          "gaining 0 %, 1.2 % and 2 % a week")  # fmt: skip
    print("\n".join(table(runs)))
    found = checks(runs)
    for check in found:
        print(f"{'ok ' if check.ok else 'NO '} {check.claim}: {check.detail}")
    return 0 if all(c.ok for c in found) else 1


if __name__ == "__main__":
    sys.exit(main())
