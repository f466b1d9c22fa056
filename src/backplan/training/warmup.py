"""Warm-up sets for a session's first loaded multi-joint lift with a known load (or,
with none known, the empty bar).

40 % × 8, 60 % × 5, 80 % × 3, and for strength 90 % × 1, rounded to the equipment's
increment and never under an empty bar for a barbell (NSCA ch. 17: a specific
warm-up at rising loads before the first heavy lift).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from backplan.catalogue.model import Exercise, Goal, LoadKind, Mechanic
from backplan.training.external import START_LIGHT
from backplan.training.loads import SetDone, empty_bar, increment, round_to
from backplan.training.model import Workout
from backplan.training.plates import Rack, loadable, loads_plates

RAMP = ((0.4, 8), (0.6, 5), (0.8, 3))
STRENGTH_TOP = (0.9, 1)


def sets_for(
    working: float,
    unit: str,
    exercise: Exercise,
    goal: Goal,
    steps: Mapping[str, float],
    rack: Rack | None = None,
) -> tuple[SetDone, ...]:
    """`rack` (your bar and plates) makes each barbell warm-up loadable, with its plates."""
    step = increment(exercise.equipment, unit, steps)
    floor = empty_bar(exercise.equipment, unit) or step
    ramp = (*RAMP, STRENGTH_TOP) if goal is Goal.STRENGTH else RAMP
    on_bar = rack is not None and rack.unit == unit and loads_plates(exercise.equipment)
    made: list[SetDone] = []
    for share, reps in ramp:
        weight = max(floor, round_to(working * share, step))
        plates = None
        if on_bar and rack is not None:
            weight, plates = loadable(weight, rack.on(exercise.equipment))
        if weight >= working or (made and weight <= (made[-1].weight or 0)):
            continue  # a warm-up lighter than the work and heavier than the one before
        made.append(SetDone(reps, weight, unit, plates=plates))
    return tuple(made)


def with_warmup(
    workout: Workout,
    exercises: Mapping[str, Exercise],
    steps: Mapping[str, float],
    rack: Rack | None = None,
) -> Workout:
    """The workout with warm-up sets under its first loaded multi-joint lift whose
    suggested weight is known."""
    for index, planned in enumerate(workout.exercises):
        exercise = exercises.get(planned.id)
        if (
            exercise is None
            or exercise.load_kind is not LoadKind.EXTERNAL
            or exercise.mechanic is not Mechanic.COMPOUND
        ):
            continue
        if planned.load is None:
            continue
        if not planned.load.weight:
            if planned.load.reason != START_LIGHT or rack is None:
                continue
            if not loads_plates(exercise.equipment):
                continue
            # A first time with no load known: the empty bar, then find the weight.
            ramp: tuple[SetDone, ...] = (
                SetDone(10, rack.on(exercise.equipment).bar, rack.unit, plates=()),
            )
        else:
            ramp = sets_for(
                planned.load.weight, planned.load.unit, exercise, workout.goal, steps, rack
            )
        if not ramp:
            continue
        exercises_now = list(workout.exercises)
        exercises_now[index] = replace(planned, warmup=ramp)
        return replace(workout, exercises=tuple(exercises_now))
    return workout
