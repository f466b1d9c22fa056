"""The load you move: for a move that lifts your whole body (a pull-up, with a belt or
with help), bodyweight + added - assistance, by the bodyweight around the day it was
done. Estimates, progress, records and volume read these sets; a set of assistance not
logged (a band) has no load moved to count.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from backplan.catalogue.model import LoadKind
from backplan.training.loads import Session, SetDone

if TYPE_CHECKING:
    from backplan.catalogue.model import Exercise
    from backplan.training.bodyweight import Bodyweights


def moved_set(s: SetDone, kind: LoadKind, body: float, unit: str) -> SetDone:
    """The set with the load moved as its weight, in `unit`."""
    if kind is LoadKind.ASSISTED and s.weight is None:
        return s  # how much the band helped is not known
    added = s.weight_in(unit)
    load = body - added if kind is LoadKind.ASSISTED else body + added
    return SetDone(s.reps, round(max(load, 0.0), 2), unit, s.dose, s.rir)


def moved_sets(
    sets: Sequence[SetDone],
    exercise: Exercise | None,
    body: Bodyweights | None,
    day: date,
    unit: str,
) -> Sequence[SetDone]:
    """A day's sets as loads moved, when the exercise lifts your body and a bodyweight is
    known; else as logged."""
    bodyweight = body.on(day, unit) if body and exercise and exercise.lifts_body else None
    if exercise is None or bodyweight is None:
        return sets
    return tuple(moved_set(s, exercise.load_kind, bodyweight.weight, unit) for s in sets)


def moved_sessions(
    sessions: Sequence[Session], exercise: Exercise, body: Bodyweights, unit: str, today: date
) -> list[Session]:
    """Sessions as loads moved, each by the bodyweight around its day (`Session.body`)."""
    found = []
    for session in sessions:
        bodyweight = body.on(session.day or today, unit)
        assert bodyweight is not None  # the caller knows a bodyweight
        sets = tuple(moved_set(s, exercise.load_kind, bodyweight.weight, unit)
                     for s in session.sets)  # fmt: skip
        found.append(replace(session, sets=sets, body=bodyweight.weight))
    return found
