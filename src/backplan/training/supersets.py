"""Supersets: two exercises done in turn, a set of each, the rest taken after the pair.

Paired sets give the same gains in about a third less time in trained lifters
(Robbins, Young & Behm 2010; Weakley et al. 2017). A back session has no push to pair
with a pull, and every pull taxes the grip, so a pair is a grip-heavy lift with a
grip-free drill (a rear-delt raise, a back extension, a bird dog). Never two hinges;
never a lower-back stabiliser before the session's hinge is done (it would tire what
the hinge needs); a strength day's main lifts keep their full rest, unpaired. A pair
that would not save time (one set each) is not made.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from backplan.catalogue.model import Dose, Exercise, Goal, Group, Pattern
from backplan.training.model import PlannedExercise, Workout, pair_seconds
from backplan.training.order import MAIN_TIER, tier

GRIP_FREE = frozenset({Pattern.SCAPULAR, Pattern.EXTENSION, Pattern.STABILITY})


def grip_free(e: Exercise) -> bool:
    """A drill the hands barely hold: a rear-delt raise, an extension, a plank; not a
    carry or a hang, which the grip holds up."""
    return (
        e.pattern in GRIP_FREE
        and e.dose is not Dose.METRES
        and not (e.pattern is Pattern.STABILITY and e.group is Group.LATS)
    )


def _kept_apart(e: Exercise, goal: Goal) -> bool:
    """A strength day's main lift: its full rest, unpaired."""
    return goal is Goal.STRENGTH and (e.main or tier(e) <= MAIN_TIER)


def can_pair(first: Exercise, second: Exercise, hinge_done: bool, goal: Goal) -> bool:
    """Whether `second` (a grip-free drill) may be done in turn with `first`."""
    return (
        not grip_free(first)
        and grip_free(second)
        and not (first.is_hinge and second.is_hinge)
        and not (second.group is Group.LOWER_BACK and not hinge_done)
        and not _kept_apart(first, goal)
        and not _kept_apart(second, goal)
    )


def pair(workout: Workout, exercises: Mapping[str, Exercise]) -> Workout:
    """The workout with its exercises paired where the rules allow, A1/A2, B1/B2; each
    drill moves up to follow its partner; a note gives the minutes saved."""
    items = [replace(e, superset=None) for e in workout.exercises]
    entries = [exercises.get(e.id) for e in items]
    hinge = next((i for i, x in enumerate(entries) if x is not None and x.is_hinge), None)
    partner: dict[int, int] = {}
    taken: set[int] = set()
    for i, first in enumerate(entries):
        if first is None or i in taken:
            continue
        for j, second in enumerate(entries):
            if j == i or j in taken or second is None:
                continue
            # The drill's sets fall between the first's: the hinge must be done before.
            hinge_done = hinge is None or min(i, j) > hinge
            if can_pair(first, second, hinge_done, workout.goal) and _saves(items[i], items[j]):
                partner[i] = j
                taken |= {i, j}
                break
    order: list[PlannedExercise] = []
    for i, e in enumerate(items):
        if i in taken and i not in partner:
            continue  # a drill: it comes after its partner
        if i in partner:
            letter = chr(ord("A") + len({x.superset for x in order if x.superset}))
            order += [replace(e, superset=letter), replace(items[partner[i]], superset=letter)]
        else:
            order.append(e)
    paired = replace(
        workout,
        exercises=tuple(replace(e, position=n) for n, e in enumerate(order, start=1)),
    )
    if not partner:
        return paired
    saved = workout.estimated_minutes - paired.estimated_minutes
    letters = ", ".join(sorted({e.superset for e in order if e.superset}))
    note = (
        f"Supersets {letters}: a set of each in turn, about 20 s between them and the "
        f"full rest after both; about {saved} min saved."
    )
    return replace(paired, notes=(*paired.notes, note))


def _saves(first: PlannedExercise, second: PlannedExercise) -> bool:
    """Whether the pair takes less time than the two one after the other."""
    return pair_seconds([first, second]) < first.seconds + second.seconds
