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
from backplan.training.supersets import can_pair


def swap(
    workout: Workout,
    exercise_id: str,
    exercises: Sequence[Exercise],
    recency: Recency,
    now: datetime,
    banned: frozenset[str] = frozenset(),
    to: Exercise | None = None,
    force: bool = False,
) -> PlannedExercise:
    """The best replacement for one exercise of a workout (or `to`, the one you chose):
    same group, same pattern first, under the workout's equipment, level and goal, your
    bans, recency, and the hinge and family rules (`force` sets the rules aside for `to`)."""
    old = workout.exercise(exercise_id)
    assert old is not None
    by_id = {e.id: e for e in exercises}
    others = [e for e in workout.exercises if e.id != old.id]

    def misfit(e: Exercise) -> str | None:
        """Why `e` cannot take the old exercise's place, or None."""
        if e.id in {o.id for o in others} or e.id == old.id:
            return f"{e.name} is already in workout #{workout.id}"
        reasons = (
            (e.group is not old.group, f"it trains the {e.group.label}, not the {old.group.label}"),
            (e.id in banned, "it is banned"),
            (e.family_name in {by_id[o.id].family_name for o in others if o.id in by_id},
             "one of its family is in the workout"),
            (workout.goal not in e.goals, f"it does not serve the {workout.goal.value} goal"),
            (e.level.rank > workout.level.rank, f"it is {e.level.value}, above the level"),
            (workout.equipment is not None and not e.usable_with(workout.equipment),
             "it needs equipment the workout does not have"),
            (e.is_hinge and any(o.pattern is Pattern.HINGE for o in others),
             "the workout has a hinge already"),
        )  # fmt: skip
        return next((why for broken, why in reasons if broken), None)

    partner = next((o for o in others if old.superset and o.superset == old.superset), None)

    def keeps_pair(e: Exercise) -> bool:
        """Whether `e` in the old one's place is still a superset with its partner."""
        mate = by_id.get(partner.id) if partner is not None else None
        if partner is None or mate is None:
            return partner is None
        before = [by_id[o.id] for o in others if o.id in by_id and o.position < old.position]
        first, second = (e, mate) if old.position < partner.position else (mate, e)
        hinge_done = not any(x.is_hinge for x in (e, mate)) and (
            any(x.is_hinge for x in before)
            or not any(by_id[o.id].is_hinge for o in others if o.id in by_id)
        )
        return can_pair(first, second, hinge_done, workout.goal)

    request = Request(goal=workout.goal, level=workout.level, equipment=workout.equipment)
    sets = old.prescription.sets  # a program's share of the sets stays with the slot
    if to is not None:
        why = misfit(to)
        if why and (not force or why.endswith(f"#{workout.id}")):
            hint = "" if why.endswith(f"#{workout.id}") else "; --force swaps it in anyway"
            raise BackplanError(f"{to.name} cannot replace {old.name}: {why}{hint}.")
        chosen = planned_exercise(old.position, to, request, recency, now, 2, sets)
        kept = old.superset if keeps_pair(to) else None
        return replace(chosen, reason=f"chosen by you for {old.name}", superset=kept)
    pool = [e for e in exercises if misfit(e) is None]
    if not pool:
        raise BackplanError(
            f"No other {old.group.label} exercise fits this workout's equipment, level and "
            f"your bans, so {old.name} stays. Name one with --to ID (and --force)."
        )
    coin = coins(pool, workout.seed or 0)

    def rank(e: Exercise) -> tuple[Any, ...]:
        return (
            not keeps_pair(e),  # a superset stays one where anything allows
            e.id in recency.previous,
            e.pattern is not old.pattern,
            workout.level.rank - e.level.rank,
            recency.freshness(e.id),
            coin[e.id],
        )

    choice = min(pool, key=rank)
    # The replaced exercise was an option too, so the pick is never "the only option".
    fresh = planned_exercise(old.position, choice, request, recency, now, len(pool) + 1, sets)
    kept = old.superset if keeps_pair(choice) else None
    return replace(fresh, reason=f"swapped in for {old.name}; {fresh.reason}", superset=kept)
