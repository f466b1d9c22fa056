"""The spec's prescription table (v2, with round 3's corrections), written out again so
the checks do not read the code's: the planner's property test and the coach's review
(bench/coach_review.py) both judge prescriptions against it."""

from __future__ import annotations

from backplan.catalogue.model import Dose, Exercise, Goal, Level, LoadKind, Mechanic, Sides

BEGINNER_SETS = (2, 3)
SETS = {Goal.STRENGTH: (3, 5), Goal.HYPERTROPHY: (3, 4), Goal.ENDURANCE: (2, 3)}
REPS = {  # by kind: external compound, external isolation, bodyweight/assisted, band, power
    Goal.STRENGTH: {"ec": (3, 6), "ei": (6, 12), "bw": (5, 8), "band": (8, 12), "power": (8, 12)},
    Goal.HYPERTROPHY: {"ec": (6, 12), "ei": (8, 12), "bw": (6, 12), "band": (10, 15),
                       "power": (8, 12)},
    Goal.ENDURANCE: {"ec": (12, 20), "ei": (12, 20), "bw": (10, 15), "band": (15, 20),
                     "power": (12, 20)},
}  # fmt: skip
# ACSM 2009's novice loads: 8-12 for strength and hypertrophy alike, 10-15 for endurance.
BEGINNER = {
    Goal.STRENGTH: {"ec": (8, 12), "ei": (8, 12), "bw": (6, 10)},
    Goal.HYPERTROPHY: {"ec": (8, 12), "ei": (8, 12), "bw": (6, 10)},
    Goal.ENDURANCE: {"ec": (10, 15), "ei": (10, 15)},
}
# Rest a coach accepts, in seconds: heavy two-sided multi-joint lifts 2-3 min (and up
# to 5 for strength); swings 60-90 s; the rest by the goal.
HEAVY_REST = {Goal.STRENGTH: (120, 300), Goal.HYPERTROPHY: (120, 180), Goal.ENDURANCE: (30, 60)}
LIGHT_REST = {Goal.STRENGTH: (60, 120), Goal.HYPERTROPHY: (60, 120), Goal.ENDURANCE: (30, 60)}
POWER_REST = (60, 90)


def kind(e: Exercise) -> str:
    if e.power:
        return "power"
    if e.load_kind is LoadKind.BAND:
        return "band"
    if e.load_kind is not LoadKind.EXTERNAL:
        return "bw"
    return "ec" if e.mechanic is Mechanic.COMPOUND else "ei"


def expected_reps(e: Exercise, goal: Goal, level: Level) -> tuple[int, int]:
    """The range the table gives (an exercise's own range wins)."""
    if e.range is not None:
        return e.range
    if kind(e) == "power" and goal is not Goal.ENDURANCE:
        return REPS[goal]["power"]
    if level is Level.BEGINNER and kind(e) in BEGINNER[goal]:
        return BEGINNER[goal][kind(e)]
    low, high = REPS[goal][kind(e)]
    if (
        goal is Goal.STRENGTH
        and kind(e) == "ec"
        and {"machine", "cable", "landmine"} & set(e.equipment)
    ):
        low, high = 6, 10  # a stack or a landmine row: 6-10 on a strength day
    if e.sides is Sides.EACH and goal is Goal.STRENGTH and low < 5:
        return 5, max(high, 8)  # one side at a time, at least 5 a side
    return low, high


def light(e: Exercise) -> bool:
    """Rests as light work: holds, carries, stability drills, bands, 12-20 drills."""
    return (
        e.dose is not Dose.REPS
        or e.load_kind is LoadKind.BAND
        or (e.range is not None and e.range[0] >= 12)
        or (e.pattern is not None and e.pattern.value == "stability")
        or e.mechanic is Mechanic.ISOLATION
    )


def rest_range(e: Exercise, goal: Goal) -> tuple[int, int]:
    if e.power and goal is not Goal.ENDURANCE:
        return POWER_REST
    if light(e):
        return LIGHT_REST[goal]
    if goal is Goal.HYPERTROPHY and e.sides is Sides.EACH:
        return LIGHT_REST[goal]  # one side at a time is assistance work
    return HEAVY_REST[goal]
