"""The training max of each main lift over the whole history, a family's variants on
one curve (conventional then trap-bar deadlift; pull-ups then weighted pull-ups by the
load moved, once you have weighed in).

It reads the sessions progression reads (`Store.sessions`: each with its range and
prescribed effort) and takes the training max after each one from
`strength.training_max`, so the curve is the estimate the loads followed.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from backplan.catalogue.model import Dose, Exercise, LoadKind
from backplan.training.bodyweight import AVERAGE_DAYS, Bodyweight, Bodyweights
from backplan.training.loads import Session, increment
from backplan.training.moved import moved_set
from backplan.training.strength import training_max

MOST_LIFTS = 6  # main lifts charted, the most logged first


@dataclass(frozen=True)
class LiftPoint:
    day: date
    value: float  # the training max, in the report's unit
    record: bool  # above every training max before it
    exercise: str  # the variant's name
    variant: bool  # another variant of the family than the session before


@dataclass(frozen=True)
class Lift:
    name: str  # the variant done most
    points: tuple[LiftPoint, ...]  # in the window, oldest first
    by_load_moved: bool = False  # a move that lifts your body: bodyweight counted in


@dataclass(frozen=True)
class LiftHistory:
    """The families to chart (variants with a training max, most logged first) and each
    variant's sessions, newest first, as `Store.sessions` gives them."""

    families: Sequence[Sequence[Exercise]]
    sessions: Mapping[str, Sequence[Session]]


def counted(exercise: Exercise, weighed: bool) -> bool:
    """A lift with a training max: an external load, or your body once it is known."""
    if exercise.dose is not Dose.REPS:
        return False
    if exercise.lifts_body:
        return weighed  # an added load alone is no training max
    return exercise.load_kind is LoadKind.EXTERNAL


def families(
    known: Sequence[Exercise], logged: Mapping[str, int], weighed: bool
) -> list[list[Exercise]]:
    """The main lifts' families you have logged, the most logged first, each as its
    variants that have a training max."""
    mains = {e.family_name for e in known if e.main}
    found: dict[str, list[Exercise]] = {}
    for e in known:
        if e.family_name in mains and logged.get(e.id) and counted(e, weighed):
            found.setdefault(e.family_name, []).append(e)
    ranked = sorted(found.items(), key=lambda kv: (-sum(logged[e.id] for e in kv[1]), kv[0]))
    return [variants for _, variants in ranked[:MOST_LIFTS]]


class NearBody:
    """The bodyweight around a day as `Bodyweights.on` reckons it, asked of only the
    weigh-ins that can matter (those within its 7 days and the nearest either side), so
    a long history is not read again for every session."""

    def __init__(self, body: Bodyweights) -> None:
        self.kept = sorted(body.weigh_ins, key=lambda w: w.day)
        self.days = [w.day for w in self.kept]

    def on(self, day: date, unit: str) -> Bodyweight | None:
        half = timedelta(days=AVERAGE_DAYS // 2)
        low, high = bisect_left(self.days, day - half), bisect_right(self.days, day + half)
        return Bodyweights(tuple(self.kept[max(low - 1, 0) : high + 1])).on(day, unit)


def lifts(
    history: LiftHistory, body: Bodyweights | None, unit: str, steps: Mapping[str, float],
    start: date,
) -> tuple[Lift, ...]:  # fmt: skip
    near = NearBody(body) if body is not None else None
    found = []
    for variants in history.families:
        done = sorted(
            ((s, e) for e in variants for s in history.sessions.get(e.id, ())),
            key=lambda pair: pair[0].day or date.min,
        )
        points = _curve(done, near, unit, steps)
        shown = tuple(p for p in points if p.day >= start)
        if shown:
            # Named for the variant done most: a family's main lifts are several.
            most = max(variants, key=lambda e: (len(history.sessions.get(e.id, ())), e.name))
            found.append(Lift(most.name, shown, most.lifts_body))
    return tuple(found)


def _curve(
    done: Sequence[tuple[Session, Exercise]], near: NearBody | None, unit: str,
    steps: Mapping[str, float],
) -> list[LiftPoint]:  # fmt: skip
    """The training max after each session (over it and the one before, as progression
    reads it), records and variant changes marked."""
    points: list[LiftPoint] = []
    before: Session | None = None
    best = 0.0
    for session, exercise in done:
        day = session.day or date.min
        bodyweight = near.on(day, unit) if near is not None and exercise.lifts_body else None
        if bodyweight is not None:
            moved = tuple(moved_set(s, exercise.load_kind, bodyweight.weight, unit)
                          for s in session.sets)  # fmt: skip
            session = replace(session, sets=moved, body=bodyweight.weight)
        step = increment(exercise.equipment, unit, steps)
        tm = training_max([session, before] if before is not None else [session], unit, step)
        if tm is None:
            continue
        before = session
        value = round(tm.e1rm, 1)
        variant = bool(points) and points[-1].exercise != exercise.name
        points.append(LiftPoint(day, value, bool(points) and value > best, exercise.name, variant))
        best = max(best, value)
    return points
