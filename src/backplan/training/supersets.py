"""Supersets: two exercises done in turn, a set of each, the rest taken after the pair.

Paired sets give the same gains in about a third less time in trained lifters
(Robbins, Young & Behm 2010; Weakley et al. 2017). A back session has no push to pair
with a pull, and every pull taxes the grip, so a pair is a grip-heavy lift with a
grip-free drill (a rear-delt raise, a back extension, a bird dog). Never two hinges;
never a trunk drill (a stabiliser or a back extension) before the session's hinge and
unsupported rows are done (it would tire the erectors they need to hold the spine); a
strength day's main lifts keep their full rest, unpaired. A pair that would not save
time (one set each) is not made. Supersets asked for and none made: the note says why.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from backplan.catalogue.model import Dose, Exercise, Goal, Group, Pattern
from backplan.training.model import PlannedExercise, Workout, pair_seconds
from backplan.training.order import MAIN_TIER, tier
from backplan.training.picks import erector_kind

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


TRUNK = frozenset({Pattern.STABILITY, Pattern.EXTENSION})


def tires_trunk(e: Exercise) -> bool:
    """A stabiliser or a back extension: it tires the erectors a braced spine needs."""
    return e.pattern in TRUNK or e.group is Group.LOWER_BACK


def holds_the_spine(e: Exercise) -> bool:
    """A hinge or an unsupported row: the erectors hold the spine under the load."""
    return erector_kind(e) in ("hinge", "row")


def can_pair(first: Exercise, second: Exercise, spine_done: bool, goal: Goal) -> bool:
    """Whether `second` (a grip-free drill) may be done in turn with `first`;
    `spine_done` when no hinge or unsupported row comes at or after `first`."""
    return (
        not grip_free(first)
        and grip_free(second)
        and not (first.is_hinge and second.is_hinge)
        and not (tires_trunk(second) and not spine_done)
        and not _kept_apart(first, goal)
        and not _kept_apart(second, goal)
    )


def _why_not(entries: list[Exercise], goal: Goal) -> str:
    """Why a session asked for supersets has none."""
    drills = [e for e in entries if grip_free(e)]
    lifts = [e for e in entries if not grip_free(e)]
    if not drills:
        return (
            "it has no grip-free drill (a rear-delt raise, a back extension, a plank) to do "
            "between a pull's sets"
        )
    if not lifts:
        return "it has no pull to pair its drills with"
    reasons = []
    if goal is Goal.STRENGTH and any(_kept_apart(e, goal) for e in lifts):
        reasons.append("a strength day's main lifts keep their full rest")
    if any(tires_trunk(e) for e in drills) and any(holds_the_spine(e) for e in lifts):
        reasons.append(
            "a trunk drill never comes before a hinge or an unsupported row, which need "
            "the erectors fresh"
        )
    return "; ".join(reasons) or "one set of each would save no time"


def pair(workout: Workout, exercises: Mapping[str, Exercise], asked: bool = False) -> Workout:
    """The workout with its exercises paired where the rules allow, A1/A2, B1/B2; each
    drill moves up to follow its partner; a note gives the minutes saved (or, `asked`
    for and none made, why)."""
    items = [replace(e, superset=None) for e in workout.exercises]
    entries = [exercises.get(e.id) for e in items]
    last = max((i for i, x in enumerate(entries) if x is not None and holds_the_spine(x)),
               default=-1)  # fmt: skip
    partner: dict[int, int] = {}
    taken: set[int] = set()
    for i, first in enumerate(entries):
        if first is None or i in taken:
            continue
        for j, second in enumerate(entries):
            if j == i or j in taken or second is None:
                continue
            # The drill's sets fall between the first's, and it moves up to follow the
            # first: every hinge and unsupported row must be done before the first.
            if can_pair(first, second, i > last, workout.goal) and _saves(items[i], items[j]):
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
        if asked and workout.exercises:
            known = [x for x in entries if x is not None]
            why = f"No supersets in this session: {_why_not(known, workout.goal)}."
            return replace(paired, notes=(*paired.notes, why))
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
