"""The spec's prescription v2 table, written out again so the checks do not read the code's:
the planner's property test and the coach's review (bench/coach_review.py) both
judge prescriptions against it."""

from __future__ import annotations

from backplan.catalogue.model import Exercise, Goal, LoadKind, Mechanic

BEGINNER_SETS = (2, 3)
SETS = {Goal.STRENGTH: (3, 5), Goal.HYPERTROPHY: (3, 4), Goal.ENDURANCE: (2, 3)}
REPS = {  # by kind: external compound, external isolation, bodyweight/assisted, band, power
    Goal.STRENGTH: {"ec": (3, 6), "ei": (6, 12), "bw": (5, 8), "band": (8, 12), "power": (5, 8)},
    Goal.HYPERTROPHY: {"ec": (6, 12), "ei": (8, 12), "bw": (6, 12), "band": (10, 15),
                       "power": (8, 12)},
    Goal.ENDURANCE: {"ec": (12, 20), "ei": (12, 20), "bw": (10, 15), "band": (15, 20),
                     "power": (12, 20)},
}  # fmt: skip
BEGINNER_STRENGTH = {"ec": (8, 12), "ei": (8, 12), "bw": (6, 10)}


def kind(e: Exercise) -> str:
    if e.power:
        return "power"
    if e.load_kind is LoadKind.BAND:
        return "band"
    if e.load_kind is not LoadKind.EXTERNAL:
        return "bw"
    return "ec" if e.mechanic is Mechanic.COMPOUND else "ei"
