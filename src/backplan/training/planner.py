"""Pure planning: (exercises, recent usage, request, seed) -> Workout.

The rules, in the spec's words: candidates are the requested groups' exercises you
can do; slots go round-robin over the groups; last session's exercises only when
nothing else is left; then the least recently done wins (never done first), then
the one used less often, then a multi-joint lift for a group's first pick, then a
movement pattern the session lacks, then the seeded coin; at most one hinge a
session; multi-joint work first and the lower back's single-joint work last (NSCA,
ch. 17).
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from backplan.catalogue.model import Exercise, Group, Level, Mechanic, Pattern
from backplan.defaults import DEFAULT_EXERCISES, MAX_EXERCISES
from backplan.errors import BackplanError
from backplan.training.model import Goal, Load, PlannedExercise, Recency, Workout
from backplan.training.prescription import prescribe
from backplan.when import days_ago


@dataclass(frozen=True)
class Request:
    groups: tuple[Group, ...] = ()  # none named: a broad session over all three
    exercises: int = DEFAULT_EXERCISES
    minutes: int | None = None  # when set, as many exercises as fit (at least one)
    goal: Goal = Goal.HYPERTROPHY
    level: Level = Level.INTERMEDIATE
    equipment: frozenset[str] | None = None  # None: everything is available
    seed: int = 0
    pinned: frozenset[str] = frozenset()  # main lifts: first in their group, every time
    banned: frozenset[str] = frozenset()  # never planned
    recovering: frozenset[Group] = frozenset()  # trained under 48 hours ago


def plan(
    exercises: Sequence[Exercise], request: Request, recency: Recency, now: datetime
) -> Workout:
    groups, recovery_note = _groups(request)
    pool = _candidates(exercises, groups, request)
    # The same candidates and coins serve every count tried below.
    by_group = {group: [e for e in pool if e.group is group] for group in groups}
    coin = _coins(pool, request.seed)
    if request.minutes is None:
        workout = _plan(by_group, coin, request.exercises, request, recency, now)
    else:
        # The estimate grows with each exercise, so the first count that fits is the largest.
        for count in range(min(MAX_EXERCISES, len(pool)), 0, -1):
            workout = _plan(by_group, coin, count, request, recency, now)
            if workout.estimated_minutes <= request.minutes:
                break
        else:
            workout = _with_note(
                workout,
                f"Even one exercise takes about {workout.estimated_minutes} minutes with the "
                f"warm-up, more than the {request.minutes} you have; here is one.",
            )
    if recovery_note:
        workout = _with_note(workout, recovery_note)
    in_pool = {e.id for e in pool}
    for exercise in exercises:
        if (
            exercise.id in request.pinned
            and exercise.group in groups
            and exercise.id not in in_pool
        ):
            workout = _with_note(
                workout,
                f"{exercise.name} is pinned, but not allowed by this session's equipment, "
                "level or bans.",
            )
    return workout


def _groups(request: Request) -> tuple[tuple[Group, ...], str | None]:
    """The session's groups: those named, or the recovered ones of all three."""
    if request.groups:
        return request.groups, None
    tired = [g for g in Group if g in request.recovering]
    if not tired:
        return tuple(Group), None
    ready = tuple(g for g in Group if g not in request.recovering)
    if not ready:
        return tuple(Group), (
            "Every group was trained under 48 hours ago, so this session goes ahead anyway: "
            "keep it light, or rest a day."
        )
    return ready, (
        f"Still recovering (trained under 48 hours ago): {_labels(tired).replace(' or ', ', ')}. "
        f"Those slots went to {_labels(ready).replace(' or ', ' and ')}."
    )


def _with_note(workout: Workout, note: str) -> Workout:
    return replace(workout, notes=(*workout.notes, note))


def _labels(groups: Sequence[Group]) -> str:
    return " or ".join(group.label for group in groups)


def _candidates(
    exercises: Sequence[Exercise], groups: Sequence[Group], request: Request
) -> list[Exercise]:
    """Rule 1, naming the filter that emptied the pool when nothing is left."""
    pool = [e for e in exercises if e.group in groups]
    if not pool:
        raise BackplanError(f"The catalogue has no {_labels(groups)} exercises.")
    if request.equipment is not None:
        available = request.equipment
        pool = [e for e in pool if e.usable_with(available)]
        if not pool:
            have = ", ".join(sorted(available))
            raise BackplanError(
                f"No {_labels(groups)} exercise can be done with only {have}: "
                "name more of what you have with --equipment."
            )
    pool = [e for e in pool if e.level.rank <= request.level.rank]
    if not pool:
        raise BackplanError(
            f"No {_labels(groups)} exercise you have the equipment for is at or below "
            f"--level {request.level.value}: raise --level."
        )
    pool = [e for e in pool if e.id not in request.banned]
    if not pool:
        raise BackplanError(
            f"Every {_labels(groups)} exercise these filters allow is banned: "
            "lift a ban with 'backplan unban ID'."
        )
    return pool


@dataclass
class _Session:
    """The picks so far, and what the rules need to know about them."""

    picks: list[Exercise] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)
    patterns: set[Pattern] = field(default_factory=set)

    @property
    def has_hinge(self) -> bool:
        return Pattern.HINGE in self.patterns

    def add(self, exercise: Exercise) -> None:
        self.picks.append(exercise)
        self.ids.add(exercise.id)
        if exercise.pattern is not None:
            self.patterns.add(exercise.pattern)


def _coins(pool: Sequence[Exercise], seed: int) -> dict[str, float]:
    """The seeded coin each candidate tosses for the last tie-break."""
    rng = random.Random(seed)
    return {e.id: rng.random() for e in pool}


def _plan(
    by_group: Mapping[Group, Sequence[Exercise]],
    coin: Mapping[str, float],
    count: int,
    request: Request,
    recency: Recency,
    now: datetime,
) -> Workout:
    """`count` picks from the candidates of each group (in the groups' order)."""
    groups = tuple(by_group)
    session = _Session()
    notes: list[str] = []

    def rank(exercise: Exercise, first_of_group: bool) -> tuple[Any, ...]:
        # A group's first pick is a multi-joint lift when one ties for it, so no group is
        # trained by isolation work alone.
        minor_first = first_of_group and exercise.mechanic is Mechanic.ISOLATION
        repeats_pattern = exercise.pattern is not None and exercise.pattern in session.patterns
        return (
            exercise.id in recency.previous,  # last session's only when nothing else is left
            recency.freshness(exercise.id),
            minor_first,
            repeats_pattern,
            coin[exercise.id],
        )

    def best(group: Group) -> Exercise | None:
        eligible = [
            e
            for e in by_group[group]
            if e.id not in session.ids and not (session.has_hinge and e.pattern is Pattern.HINGE)
        ]
        # A pinned lift goes first in its group, whatever its recency, so it can progress.
        pinned = [e for e in eligible if e.id in request.pinned]
        first = picked[group] == 0
        return min(pinned or eligible, key=lambda e: rank(e, first), default=None)

    # Round-robin over the groups: each slot goes to the group with the fewest picks so far
    # that still has something eligible, so a group that runs out hands its slots on evenly.
    picked = dict.fromkeys(groups, 0)
    for _ in range(count):
        choices = {group: best(group) for group in groups}
        options = [(picked[g], index, g) for index, g in enumerate(groups) if choices[g]]
        if not options:
            break
        group = min(options)[2]
        choice = choices[group]
        assert choice is not None
        session.add(choice)
        picked[group] += 1

    if len(session.picks) < count:
        notes.append(
            f"Only {len(session.picks)} exercises fit your filters (you asked for {count}); "
            "the session has them all."
        )
    for index, group in enumerate(groups):
        fair_share = count // len(groups) + (index < count % len(groups))
        if picked[group] < fair_share and len(session.picks) == count:
            hinge_blocked = any(
                e.pattern is Pattern.HINGE and e.id not in session.ids for e in by_group[group]
            )
            why = " (one hinge per session)" if hinge_blocked else ""
            notes.append(
                f"{group.label.capitalize()} had only {picked[group]} option"
                f"{'s' if picked[group] != 1 else ''} with your filters{why}, so other groups "
                "took its other slots."
            )
    for exercise in (e for candidates in by_group.values() for e in candidates):
        if exercise.id in request.pinned and exercise.id not in session.ids:
            notes.append(f"{exercise.name} is pinned, but this session had no room for it.")
    for exercise in session.picks:
        if exercise.id in recency.previous and exercise.id not in request.pinned:
            notes.append(
                f"{exercise.name} was in your last session too: nothing else in its group fits "
                "your filters."
            )

    planned = [
        _planned(position, exercise, request, recency, now, len(by_group[exercise.group]))
        for position, exercise in enumerate(_in_order(session.picks), start=1)
    ]
    return Workout(
        created=now,
        goal=request.goal,
        level=request.level,
        groups=tuple(groups),
        exercises=tuple(planned),
        notes=tuple(notes),
        seed=request.seed,
        equipment=request.equipment,
    )


def _tier(exercise: Exercise) -> int:
    """Rule 5: multi-joint first, single-joint next, the lower back's single-joint work last."""
    if exercise.mechanic is Mechanic.COMPOUND:
        return 0
    return 2 if exercise.group is Group.LOWER_BACK else 1


def _in_order(picks: Sequence[Exercise]) -> list[Exercise]:
    return sorted(picks, key=_tier)  # stable: within a tier, the round-robin order stays


def _planned(
    position: int,
    exercise: Exercise,
    request: Request,
    recency: Recency,
    now: datetime,
    group_options: int,
) -> PlannedExercise:
    return PlannedExercise(
        position=position,
        id=exercise.id,
        name=exercise.name,
        group=exercise.group,
        mechanic=exercise.mechanic,
        pattern=exercise.pattern,
        prescription=prescribe(request.goal, request.level, exercise.mechanic),
        reason=_reason(exercise, request, recency, now, group_options),
        focus=exercise.focus,
    )


def _reason(
    exercise: Exercise, request: Request, recency: Recency, now: datetime, group_options: int
) -> str:
    if exercise.id in request.pinned:
        return "pinned"
    if group_options == 1:
        limit = "your equipment" if request.equipment is not None else "your filters"
        return f"only {exercise.group.label} option with {limit}"
    if exercise.id in recency.previous:
        return "in your last session; no other option"
    last = recency.last_done.get(exercise.id)
    if last is None:
        return "never done"
    return f"last done {days_ago(last, now)}"


def swap(
    workout: Workout,
    exercise_id: str,
    exercises: Sequence[Exercise],
    recency: Recency,
    now: datetime,
    banned: frozenset[str] = frozenset(),
) -> PlannedExercise:
    """The best replacement for one exercise of a workout: same group, same pattern first,
    under the workout's equipment and level, your bans, recency and the hinge rule."""
    old = workout.exercise(exercise_id)
    assert old is not None
    taken = {e.id for e in workout.exercises}
    others_hinge = any(e.pattern is Pattern.HINGE for e in workout.exercises if e.id != old.id)
    pool = [
        e
        for e in exercises
        if e.group is old.group
        and e.id not in taken
        and e.id not in banned
        and e.level.rank <= workout.level.rank
        and (workout.equipment is None or e.usable_with(workout.equipment))
        and not (others_hinge and e.pattern is Pattern.HINGE)
    ]
    if not pool:
        raise BackplanError(
            f"No other {old.group.label} exercise fits this workout's equipment, level and "
            f"your bans, so {old.name} stays."
        )
    coin = _coins(pool, workout.seed or 0)

    def rank(e: Exercise) -> tuple[Any, ...]:
        return (
            e.id in recency.previous,
            e.pattern is not old.pattern,
            recency.freshness(e.id),
            coin[e.id],
        )

    choice = min(pool, key=rank)
    request = Request(goal=workout.goal, level=workout.level, equipment=workout.equipment)
    # The replaced exercise was an option too, so the pick is never "the only option".
    fresh = _planned(old.position, choice, request, recency, now, len(pool) + 1)
    return replace(fresh, reason=f"swapped in for {old.name}; {fresh.reason}")


def with_loads(workout: Workout, loads: Mapping[str, Load | None]) -> Workout:
    """The workout with each exercise's suggested load (from its log) attached."""
    return replace(
        workout,
        exercises=tuple(replace(e, load=loads.get(e.id)) for e in workout.exercises),
    )
