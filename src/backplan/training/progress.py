"""An exercise's progress: per session, its best set and estimated 1RM, and the records.

Loaded sets compare by Epley's estimated 1RM (w x (1 + reps / 30), as progression
does); bodyweight, seconds and metres by the amount (reps, seconds or metres).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from backplan.training.loads import SetDone
from backplan.training.strength import e1rm


@dataclass(frozen=True)
class Point:
    workout_id: int
    when: datetime
    best: SetDone
    value: float  # the estimated 1RM in `unit`, or the best amount
    record: bool  # better than every session before it


def points(sessions: Sequence[tuple[int, datetime, Sequence[SetDone]]], unit: str) -> list[Point]:
    """One point per session; `loaded` decides what is compared, for every session alike."""
    loaded = any(s.weight for _, _, sets in sessions for s in sets)
    found: list[Point] = []
    best_so_far: float | None = None
    for workout_id, when, sets in sessions:

        def score(s: SetDone) -> float:
            return e1rm(s, unit) if loaded and s.weight else float(s.reps) if not loaded else 0.0

        top = max(sets, key=lambda s: (score(s), s.reps))
        value = score(top)
        record = best_so_far is not None and value > best_so_far
        best_so_far = value if best_so_far is None else max(best_so_far, value)
        found.append(Point(workout_id, when, top, round(value, 1), record))
    return found


def measure(points_: Sequence[Point]) -> str:
    """What the values are: 'e1RM' for loaded sets, else the dose's unit."""
    if any(p.best.weight for p in points_):
        return "e1RM"
    return {"reps": "reps", "seconds": "s", "metres": "m"}[points_[0].best.dose.value]
