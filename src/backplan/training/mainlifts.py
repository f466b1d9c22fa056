"""A block's main lifts: per group the lift held for every week so it can progress.

Your history first: of the core lifts (`main`) of a group's own pull, the one you have
logged most (imports included) is kept, so a block builds on the lift you know. Then,
past the beginner, free weights before machines; then fit: loadable, two-sided and
multi-joint, serving the block's day types, with the least equipment to set up. A lift
that does not suit a day type rests that day, and another core lift is held for the
days it leaves where one serves them.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from backplan.catalogue.model import (
    Dose,
    Exercise,
    Goal,
    Group,
    Level,
    LoadKind,
    Mechanic,
    Sides,
)
from backplan.errors import BackplanError
from backplan.training.candidates import Request, candidates
from backplan.training.order import MAIN_TIER, tier
from backplan.training.picks import Picks
from backplan.training.planner import HOME_PULL
from backplan.training.program import MainLift


def main_lifts(
    exercises: Sequence[Exercise],
    groups: Sequence[Group],
    request: Request,
    goals: Mapping[Group, Sequence[Goal]],
    logged: Mapping[str, int],
) -> tuple[MainLift, ...]:
    """Per group the lifts to hold for the block, each on the day types (`goals`, per
    group) it serves: a pinned one when there is one, else the most logged core lift of
    the group's own pull, else the best fit. A day type's main lifts keep a session's
    rules: at most one hinge and one of a family or kin, and below advanced not a hinge,
    an unsupported row and a back extension."""
    chosen: list[MainLift] = []
    every = tuple(groups) or tuple(Group)
    day_types = {goal for group in every for goal in goals.get(group, ())}
    picks = {goal: Picks(request.level) for goal in day_types}
    coin = random.Random(request.seed)
    # The lower back first: its main lift is the hinge, and it is the scarcest.
    for group in sorted(every, key=lambda g: g is not Group.LOWER_BACK):
        left = set(goals.get(group, ()))
        pool = _pool(exercises, group, request, left)
        tosses = {e.id: coin.random() for e in pool}
        while left:
            # A second lift for the day types the first leaves is a core lift or a pin:
            # else those days rest it and rotate (no 20-rep deadlift held for a block).
            allowed = [
                e
                for e in pool
                if _allowed(e, left, picks)
                and (len(left) == len(goals.get(group, ())) or e.main or e.id in request.pinned)
            ]
            if not allowed:
                break
            best = min(
                allowed, key=lambda e: (*_rank(e, group, left, request, logged), tosses[e.id])
            )
            served = frozenset(left & best.goals)
            for goal in served:
                picks[goal].add(best)
            chosen.append(MainLift(group, best.id, best.name, served, best.pattern))
            left -= served
    order = list(every)
    return tuple(sorted(chosen, key=lambda m: order.index(m.group)))


def _allowed(exercise: Exercise, goals: set[Goal], picks: Mapping[Goal, Picks]) -> bool:
    """Serves a day type still to fill, and keeps the rules of each it would join."""
    served = goals & exercise.goals
    return bool(served) and all(picks[g].allows(exercise) for g in served)


def _rank(
    e: Exercise, group: Group, goals: set[Goal], request: Request, logged: Mapping[str, int]
) -> tuple[Any, ...]:
    return (
        e.id not in request.pinned,
        not e.main,  # the core lifts; specialised variants rotate around them
        group in HOME_PULL and e.pattern is not HOME_PULL[group],
        -logged.get(e.id, 0),  # the one you know
        # A trained lifter's core lifts are free weights (a deadlift, a barbell row, the
        # pull-up family) as GZCLP, 5/3/1 and a PPL pull day have them; a machine leads
        # only where the equipment, a ban or the history leaves nothing else.
        request.level is not Level.BEGINNER and machine(e),
        e.dose is not Dose.REPS,
        tier(e) > MAIN_TIER or e.power,
        e.mechanic is not Mechanic.COMPOUND,
        e.load_kind is not LoadKind.EXTERNAL,
        e.sides is not Sides.BOTH,
        -len(goals & e.goals),  # one lift for as many day types as it serves
        len(e.equipment),
    )


MACHINES = frozenset({"machine", "cable"})


def machine(exercise: Exercise) -> bool:
    """A lift on a machine or a cable stack: the path is guided and the stack is the load."""
    return bool(MACHINES & set(exercise.equipment))


def _pool(
    exercises: Sequence[Exercise], group: Group, request: Request, goals: set[Goal]
) -> list[Exercise]:
    """The group's candidates for any of the day types, in catalogue order."""
    found: dict[str, Exercise] = {}
    for goal in sorted(goals, key=list(Goal).index):
        try:
            found |= {e.id: e for e in candidates(exercises, [group], replace(request, goal=goal))}
        except BackplanError:
            continue
    return [e for e in exercises if e.id in found]


def serves(
    exercises: Sequence[Exercise], groups: Sequence[Group], request: Request, goal: Goal
) -> bool:
    """Whether every group has something to train for `goal` within the filters."""
    try:
        for group in groups or Group:
            candidates(exercises, [group], replace(request, goal=goal))
    except BackplanError:
        return False
    return True
