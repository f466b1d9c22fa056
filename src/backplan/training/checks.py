"""Sets that cannot be what was meant: a slip of the keyboard."""

from __future__ import annotations

from backplan.catalogue.model import Exercise, LoadKind
from backplan.errors import BackplanError
from backplan.training.loads import MAX_ADDED, SetDone, empty_bar, number
from backplan.training.model import PlannedExercise


def plausible(exercise: PlannedExercise, sets: list[SetDone], entry: Exercise | None) -> None:
    """A set that reads like a slip is questioned, with how to write what was meant."""
    for done in sets:
        weight = done.weight
        if weight is None or not weight:
            continue
        if (
            exercise.load_kind in (LoadKind.BODYWEIGHT, LoadKind.ASSISTED)
            and weight > MAX_ADDED[done.unit]
        ):
            raise BackplanError(
                f"'{done}' on {exercise.name}: {number(weight)} {done.unit} is far more than "
                f"anyone adds or is helped with. For reps at bodyweight write the reps alone "
                f"({done.reps})."
            )
        bar = empty_bar(entry.equipment if entry else (), done.unit)
        if weight < bar and done.reps > weight:
            raise BackplanError(
                f"'{done}' on {exercise.name}: {done.reps} reps at {number(weight)} "
                f"{done.unit}, less than an empty bar ({number(bar)} {done.unit}). "
                f"Did you mean {number(weight)}x{done.reps}?"
            )
