"""Swapping one exercise of a planned workout for the best alternative in its group."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any

from backplan.catalogue.model import Exercise, Pattern
from backplan.errors import BackplanError
from backplan.training.candidates import Request, coins
from backplan.training.model import PlannedExercise, Recency, Workout
from backplan.training.planner import planned_exercise


def swap(
    workout: Workout,
    exercise_id: str,
    exercises: Sequence[Exercise],
    recency: Recency,
    now: datetime,
    banned: frozenset[str] = frozenset(),
) -> PlannedExercise:
    """The best replacement for one exercise of a workout: same group, same pattern first,
    under the workout's equipment, level and goal, your bans, recency, and the hinge and
    family rules."""
    old = workout.exercise(exercise_id)
    assert old is not None
    taken = {e.id for e in workout.exercises}
    by_id = {e.id: e for e in exercises}
    others = [by_id[e.id] for e in workout.exercises if e.id != old.id and e.id in by_id]
    others_hinge = any(e.pattern is Pattern.HINGE for e in workout.exercises if e.id != old.id)
    families = {e.family_name for e in others}
    pool = [
        e
        for e in exercises
        if e.group is old.group
        and e.id not in taken
        and e.id not in banned
        and e.family_name not in families
        and workout.goal in e.goals
        and e.level.rank <= workout.level.rank
        and (workout.equipment is None or e.usable_with(workout.equipment))
        and not (others_hinge and e.is_hinge)
    ]
    if not pool:
        raise BackplanError(
            f"No other {old.group.label} exercise fits this workout's equipment, level and "
            f"your bans, so {old.name} stays."
        )
    coin = coins(pool, workout.seed or 0)

    def rank(e: Exercise) -> tuple[Any, ...]:
        return (
            e.id in recency.previous,
            e.pattern is not old.pattern,
            workout.level.rank - e.level.rank,
            recency.freshness(e.id),
            coin[e.id],
        )

    choice = min(pool, key=rank)
    request = Request(goal=workout.goal, level=workout.level, equipment=workout.equipment)
    # The replaced exercise was an option too, so the pick is never "the only option".
    fresh = planned_exercise(old.position, choice, request, recency, now, len(pool) + 1)
    return replace(fresh, reason=f"swapped in for {old.name}; {fresh.reason}")
