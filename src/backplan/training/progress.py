"""An exercise's progress: per session, its best set and estimated 1RM, and the records.

Loaded sets compare by the estimated 1RM progression reads (`strength.e1rm`: Epley,
with the reps in reserve, as logged or as prescribed); bodyweight, seconds and metres
by the amount. A move that lifts your body compares by the load moved once a
bodyweight is known, and then its whole family (negatives, assisted, bodyweight and
weighted pull-ups) is one curve.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from backplan.training.loads import SetDone
from backplan.training.strength import e1rm


@dataclass(frozen=True)
class Logged:
    """One workout's sets of one exercise."""

    workout_id: int
    when: datetime
    sets: Sequence[SetDone]
    exercise: str = ""  # its id
    rir: int | None = None  # the effort prescribed, for sets logged without one


@dataclass(frozen=True)
class Point:
    workout_id: int
    when: datetime
    best: SetDone
    value: float  # the estimated 1RM in `unit`, or the best amount
    record: bool  # better than every session before it
    exercise: str = ""  # the exercise of the best set, in a family's curve
    variant: bool = False  # another exercise of the family than the session before


def points(sessions: Sequence[Logged], unit: str) -> list[Point]:
    """One point per workout (the best of its sessions), oldest first; whether any set
    is loaded decides what is compared, for every session alike."""
    loaded = any(s.weight for logged in sessions for s in logged.sets)

    def score(s: SetDone, rir: int | None) -> float:
        if not loaded:
            return float(s.reps)
        return e1rm(s, unit, rir) if s.weight else 0.0

    best: dict[int, tuple[SetDone, Logged, float]] = {}
    for logged in sessions:
        top = max(logged.sets, key=lambda s: (score(s, logged.rir), s.reps))
        value = score(top, logged.rir)
        before = best.get(logged.workout_id)
        if before is None or (value, top.reps) > (before[2], before[0].reps):
            best[logged.workout_id] = (top, logged, value)
    found: list[Point] = []
    best_so_far: float | None = None
    for top, logged, value in sorted(best.values(), key=lambda b: (b[1].when, b[1].workout_id)):
        record = best_so_far is not None and value > best_so_far
        best_so_far = value if best_so_far is None else max(best_so_far, value)
        variant = bool(found) and found[-1].exercise != logged.exercise
        found.append(Point(logged.workout_id, logged.when, top, round(value, 1), record,
                           logged.exercise, variant))  # fmt: skip
    return found


def measure(points_: Sequence[Point]) -> str:
    """What the values are: 'e1RM' for loaded sets, else the dose's unit."""
    if any(p.best.weight for p in points_):
        return "e1RM"
    return {"reps": "reps", "seconds": "s", "metres": "m"}[points_[0].best.dose.value]
