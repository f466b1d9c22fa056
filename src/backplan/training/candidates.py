"""What a session may hold: the request, and the candidates its filters leave (rule 1)."""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from backplan.catalogue.model import Exercise, Goal, Group, Level, LoadKind, Pattern
from backplan.defaults import DEFAULT_EXERCISES
from backplan.errors import BackplanError
from backplan.training.back import Soreness
from backplan.training.slots import labels


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
    held: frozenset[str] = frozenset()  # of those, a program's main lifts
    banned: frozenset[str] = frozenset()  # never planned
    recovering: frozenset[Group] = frozenset()  # a hard session yesterday or today
    weekly_sets: Mapping[Group, float] = field(default_factory=dict)  # the last 7 days
    # A program's day: exercises and sets per group (empty: shared out as usual).
    slots: Mapping[Group, int] = field(default_factory=dict)
    group_sets: Mapping[Group, int] = field(default_factory=dict)
    # A program's split day: the patterns a group's exercises come from, where it has any.
    movements: Mapping[Group, frozenset[Pattern]] = field(default_factory=dict)
    supersets: bool = False  # pair exercises where the rules allow (`supersets`)
    back: Soreness | None = None  # a sore back (`back`): what it allows, spine-sparing first

    @property
    def whole_back(self) -> bool:
        return not self.groups

    @property
    def spare_back(self) -> bool:
        return self.back is not None


def candidates(
    exercises: Sequence[Exercise], groups: Sequence[Group], request: Request
) -> list[Exercise]:
    """Rule 1, naming the filter that emptied the pool when nothing is left."""
    pool = [e for e in exercises if e.group in groups]
    if not pool:
        raise BackplanError(f"The catalogue has no {labels(groups)} exercises.")
    if request.equipment is not None:
        available = request.equipment
        pool = [e for e in pool if e.usable_with(available)]
        if not pool:
            have = ", ".join(sorted(available))
            raise BackplanError(
                f"No {labels(groups)} exercise can be done with only {have}: "
                "name more of what you have with --equipment."
            )
    pool = [e for e in pool if e.level.rank <= request.level.rank]
    if not pool:
        raise BackplanError(
            f"No {labels(groups)} exercise you have the equipment for is at or below "
            f"--level {request.level.value}: raise --level."
        )
    pool = [e for e in pool if request.goal in e.goals]
    if not pool:
        raise BackplanError(
            f"No {labels(groups)} exercise these filters allow serves the "
            f"{request.goal.value} goal: choose another --goal or more --equipment."
        )
    pool = [e for e in pool if e.id not in request.banned]
    if not pool:
        raise BackplanError(
            f"Every {labels(groups)} exercise these filters allow is banned: "
            "lift a ban with 'backplan unban ID'."
        )
    return _moved(pool, request.movements)


def _moved(pool: list[Exercise], movements: Mapping[Group, frozenset[Pattern]]) -> list[Exercise]:
    """A split day's movements: a group's exercises of its patterns, when it has some."""
    for group, patterns in movements.items():
        if any(e.group is group and e.pattern in patterns for e in pool):
            pool = [e for e in pool if e.group is not group or e.pattern in patterns]
    return pool


# Patterns where a light version is a regression for a trained lifter; stability drills
# and shoulder-health work are chosen for what they are, not for the load.
LOADED_PATTERNS = frozenset(
    {Pattern.HINGE, Pattern.EXTENSION, Pattern.VERTICAL_PULL, Pattern.HORIZONTAL_PULL,
     Pattern.STRAIGHT_ARM}
)  # fmt: skip


def regression(exercise: Exercise) -> bool:
    """A beginner's version of a loaded movement: a band, your body, or a lift with a
    harder variant (the kettlebell deadlift before the Romanian), not a core lift."""
    return (
        exercise.level is Level.BEGINNER
        and exercise.pattern in LOADED_PATTERNS
        and not exercise.main
        and not exercise.preparation
        and (exercise.load_kind is not LoadKind.EXTERNAL or exercise.harder is not None)
    )


def for_your_level(
    pool: Sequence[Exercise], level: Level, pinned: frozenset[str] = frozenset()
) -> list[Exercise]:
    """Past the beginner, no regression you did not pin where a loadable option of its
    group and pattern is in the pool (a superman beside a loaded back extension, a band
    good morning beside a Romanian deadlift)."""
    if level is Level.BEGINNER:
        return list(pool)
    loadable = {
        (e.group, e.pattern)
        for e in pool
        if e.load_kind is LoadKind.EXTERNAL and not regression(e) and not e.preparation
    }
    return [
        e
        for e in pool
        if e.id in pinned or not (regression(e) and (e.group, e.pattern) in loadable)
    ]


def coins(pool: Sequence[Exercise], seed: int) -> dict[str, float]:
    """The seeded coin each candidate tosses for the last tie-break."""
    rng = random.Random(seed)
    return {e.id: rng.random() for e in pool}
