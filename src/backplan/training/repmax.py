"""Rep maxes: the heaviest load an exercise was lifted for at least 1, 3, 5, 8, 10 and
12 reps, from its logged sets (a set of 5 at 100 kg proves a 3-rep max of 100 kg)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from backplan.catalogue.model import Dose
from backplan.training.loads import SetDone
from backplan.training.progress import Logged

REPS = (1, 3, 5, 8, 10, 12)


@dataclass(frozen=True)
class RepMax:
    reps: int
    best: SetDone | None  # None: no loaded set of that many reps yet
    when: datetime | None = None
    workout_id: int | None = None

    def load(self, unit: str) -> float | None:
        return None if self.best is None else self.best.weight_in(unit)


def rep_maxes(sessions: Sequence[Logged], unit: str) -> list[RepMax]:
    """For each rep count, the heaviest loaded set of at least that many reps (the first
    time it was lifted, on a tie)."""
    loaded = [
        (s.weight_in(unit), logged.when, logged.workout_id, s)
        for logged in sessions
        for s in logged.sets
        if s.weight and s.dose is Dose.REPS
    ]
    found = []
    for reps in REPS:
        enough = [entry for entry in loaded if entry[3].reps >= reps]
        if not enough:
            found.append(RepMax(reps, None))
            continue
        _, when, workout_id, best = max(enough, key=lambda e: (e[0], -e[1].timestamp()))
        found.append(RepMax(reps, best, when, workout_id))
    return found
