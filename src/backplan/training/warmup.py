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
from backplan.training.loads import Load, SetDone, empty_bar, increment, round_to
from backplan.training.model import Workout
from backplan.training.plates import Rack, loadable, loads_plates
from backplan.training.relatives import FIRST_TIME, START_LIGHT

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
    suggested weight is known, and under any lift loaded for the first time from a
    relative's estimate (a guess: the ramp finds out before the work sets)."""
    now = list(workout.exercises)
    first = True
    for index, planned in enumerate(workout.exercises):
        exercise = exercises.get(planned.id)
        if exercise is None or exercise.load_kind is not LoadKind.EXTERNAL:
            continue
        borrowed = planned.load is not None and planned.load.reason.startswith(FIRST_TIME)
        if not borrowed and (not first or exercise.mechanic is not Mechanic.COMPOUND):
            continue
        ramp = _ramp(planned.load, exercise, workout.goal, steps, rack)
        if ramp:
            now[index] = replace(planned, warmup=ramp)
            first = first and exercise.mechanic is not Mechanic.COMPOUND
    return replace(workout, exercises=tuple(now))


def _ramp(
    load: Load | None,
    exercise: Exercise,
    goal: Goal,
    steps: Mapping[str, float],
    rack: Rack | None,
) -> tuple[SetDone, ...]:
    if load is None:
        return ()
    if not load.weight:
        if load.reason != START_LIGHT or rack is None or not loads_plates(exercise.equipment):
            return ()
        # A first time with no load known: the empty bar, then find the weight.
        return (SetDone(10, rack.on(exercise.equipment).bar, rack.unit, plates=()),)
    return sets_for(load.weight, load.unit, exercise, goal, steps, rack)
