"""A made-up but lifelike training history for the report's tests and its benchmark.

Workouts are planned by the real planner from the shipped catalogue (the main lifts
pinned, as a lifter's are), then logged set by set through the store: loads that
creep up, reps near the top of the range, an effort on most sets, a variant change
halfway (conventional to trap-bar deadlift, pull-ups to weighted pull-ups), a weigh-in
every other day and a rating of the back after most sessions.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from backplan import catalogue, paths
from backplan.catalogue import Level
from backplan.store.history import Store
from backplan.training.bodyweight import WeighIn
from backplan.training.candidates import Request
from backplan.training.loads import SetDone
from backplan.training.model import Recency
from backplan.training.planner import plan

START_LOADS = {
    "conventional-deadlift": 120.0, "trap-bar-deadlift": 130.0, "barbell-bent-over-row": 60.0,
    "weighted-pull-up": 5.0, "lat-pulldown": 50.0, "romanian-deadlift": 90.0,
}  # fmt: skip
OTHER_LOAD = 20.0


def fill(store: Store, workouts: int, last: datetime, *, every: int = 2, seed: int = 7) -> None:
    """`workouts` sessions, `every` days apart, the last on `last`'s day."""
    rng = random.Random(seed)
    shipped = catalogue.load(paths.shipped_catalogue()).exercises
    first = last - timedelta(days=every * (workouts - 1))
    for number in range(workouts):
        when = first + timedelta(days=every * number)
        late = number >= workouts // 2
        pinned = {
            "trap-bar-deadlift" if late else "conventional-deadlift",
            "barbell-bent-over-row",
            "weighted-pull-up" if late else "pull-up",
        }
        request = Request(exercises=5, level=Level.INTERMEDIATE, seed=number,
                          pinned=frozenset(pinned))  # fmt: skip
        workout = store.save(plan(shipped, request, Recency(), when))
        assert workout.id is not None
        for e in workout.exercises:
            p = e.prescription
            start = START_LOADS.get(e.id, OTHER_LOAD)
            loaded = e.load_kind is not None and e.load_kind.value == "external"
            weight = round(start * (1 + 0.006 * number) / 2.5) * 2.5 if loaded else None
            sets = [
                SetDone(
                    max(p.reps_min, p.reps_max - rng.randint(0, 2)),
                    weight,
                    "kg",
                    p.dose,
                    rng.choice([None, 1, 2, 2, 3]) if p.dose.value == "reps" else None,
                )
                for _ in range(p.sets)
            ]
            store.log(workout.id, e.id, sets)
        if rng.random() < 0.7:
            store.rate_back(workout.id, rng.choice([0, 1, 1, 2, 2, 3, 4]))
        if number % 2 == 0:
            body = round(84 - 0.03 * number + rng.uniform(-0.6, 0.6), 1)
            store.weigh(WeighIn(when.date(), body, "kg"), when.timestamp())
