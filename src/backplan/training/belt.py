"""A belt on a move that lifts your body (pull-ups, chin-ups), once a bodyweight is known:
the load moved follows the training max like any external load, and the belt is what it
asks above today's bodyweight, on the plate increment. The first belt comes when the
sets beat the target twice at bodyweight alone (one increment: the smallest that fits
the range); until then, and whenever the training max asks no more than your
bodyweight, the reps climb as for any bodyweight move.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from backplan.catalogue.model import LoadKind
from backplan.training import external, strength
from backplan.training.loads import Load, Session, increment, number

if TYPE_CHECKING:
    from backplan.catalogue.model import Exercise
    from backplan.training.bodyweight import Bodyweight
    from backplan.training.external import Target


def suggest(
    moved: Sequence[Session],
    exercise: Exercise,
    bodyweight: Bodyweight,
    unit: str,
    target: Target | None,
    steps: Mapping[str, float],
) -> Load | None:
    """The belt for the next session, from sessions as loads moved (newest first); None
    when bodyweight alone is the load at the range done lately (the reps climb)."""
    step = increment(("belt",) if exercise.belt else exercise.equipment, unit, steps)
    wanted = (target.reps_min, target.reps_max) if target else None
    same = [s for s in moved if (s.reps_min, s.reps_max) == wanted] or list(moved)
    body = bodyweight.weight
    load = external.suggest(moved, same, unit, step, exercise, target, body=body)
    assert load.weight is not None
    added = round(load.weight - body, 2)
    if added > 0:
        return replace(load, weight=added, reason=f"{bodyweight.text()}; {load.reason}",
                       added=exercise.load_kind is LoadKind.BODYWEIGHT)  # fmt: skip
    at_range = wanted is None or (same[0].reps_min, same[0].reps_max) == wanted
    if exercise.load_kind is LoadKind.EXTERNAL:  # a weighted pull-up with no weight to add
        return Load(None, unit, load.change, f"{bodyweight.text()}; {load.reason}",
                    variant=exercise.easier)  # fmt: skip
    if at_range:
        return None
    assert target is not None
    tm = strength.training_max(moved, unit, step)
    assert tm is not None
    rir = float(target.rir_max or 0)
    reps = max(target.reps_min, min(target.reps_max, strength.reps_at(tm.e1rm, body, rir)))
    return Load(
        None,
        unit,
        "same",
        f"{bodyweight.text()}; {tm.text(unit)} → {reps} reps at {number(rir)} RIR "
        "on bodyweight alone",
        reps=reps,
    )
