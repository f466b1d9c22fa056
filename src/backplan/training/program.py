"""Programs: a block of weeks that keeps the main lifts and rotates the rest.

Planned variation beats random rotation (Kassiano et al. 2022; ACSM 2009's
undulating model): per group one main lift is held for the whole block so it can
progress, while the accessories around it rotate under the planner's variety rules.
Weekly sets per group ramp in waves of at most six weeks (about 10 -> 14 -> 18,
Schoenfeld, Ogborn & Krieger 2017), each wave ending in a deload week: half the
sets, same loads (NSCA). `auto` undulates strength / hypertrophy / endurance days.

Only the skeleton is planned ahead (the day's goal, groups and slots, and the main
lifts); each session's accessories are planned when it comes, from the history as
it stands, so deleted or skipped workouts never break the block.
"""

from __future__ import annotations

import math
import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import Any

from backplan.catalogue.model import Dose, Exercise, Goal, Group, Level, LoadKind, Mechanic, Sides
from backplan.defaults import AUTO, MAX_EXERCISES, PROGRAM_DAYS, PROGRAM_WEEKS
from backplan.errors import BackplanError
from backplan.training.candidates import Request, candidates
from backplan.training.order import MAIN_TIER, tier
from backplan.training.picks import Picks
from backplan.training.planner import HOME_PULL
from backplan.training.prescription import sets_per_exercise
from backplan.training.slots import LOWER_BACK_CAP
from backplan.training.volume import GROUP_CEILING, SESSION_CEILING

WEEKS, DAYS = PROGRAM_WEEKS, PROGRAM_DAYS
UNDULATION = (Goal.STRENGTH, Goal.HYPERTROPHY, Goal.ENDURANCE)  # heavy, medium, light days
# The days of the week a block trains, counted from its start: a rest day between
# sessions whenever the number of days allows it.
WEEKDAYS = {2: (0, 3), 3: (0, 2, 4), 4: (0, 1, 3, 4), 5: (0, 1, 2, 3, 4)}
# Weekly sets per group across a wave: from the low mark to the high one. Beginners
# grow on less (ACSM 2009: novices 1-3 sets an exercise), advanced lifters need more
# (Schoenfeld 2017: the dose-response keeps rising past 10 sets a week). The lower
# back, loaded again by every hinge and row, has its own lower ramp.
RAMP = {Level.BEGINNER: (6, 10), Level.INTERMEDIATE: (10, 18), Level.ADVANCED: (12, 20)}
LOWER_BACK_RAMP = {Level.BEGINNER: (4, 6), Level.INTERMEDIATE: (6, 10), Level.ADVANCED: (8, 12)}
MAX_RAMP_STEP = 4  # sets a week more, at most, from one week to the next
WAVE_STEP = 2  # sets a week: each wave after the first starts this much above the last
LONGEST_WAVE = 6  # weeks, the deload included


@dataclass(frozen=True)
class MainLift:
    group: Group
    id: str
    name: str
    goals: frozenset[Goal]  # the days it is trained on: those it serves


@dataclass(frozen=True)
class Day:
    """One planned session of the block."""

    number: int  # 1, 2, ... across the block
    week: int
    day: int  # of the week
    date: date
    goal: Goal
    slots: tuple[tuple[Group, int], ...]  # exercises per group, in the round-robin order
    sets: tuple[tuple[Group, int], ...]  # sets per group, shared among its exercises
    deload: bool = False

    @property
    def groups(self) -> tuple[Group, ...]:
        return tuple(group for group, _ in self.slots)

    @property
    def exercises(self) -> int:
        return sum(count for _, count in self.slots)


@dataclass(frozen=True)
class Program:
    created: datetime
    start: date
    weeks: int
    days: int
    goal: Goal | None  # None: auto, undulating
    level: Level
    groups: tuple[Group, ...]  # () for the whole back
    equipment: frozenset[str] | None
    seed: int
    main_lifts: tuple[MainLift, ...]
    sessions: tuple[Day, ...]
    id: int | None = None
    ended: datetime | None = None

    @property
    def goal_name(self) -> str:
        return self.goal.value if self.goal else AUTO

    def main_lifts_of(self, day: Day) -> list[MainLift]:
        """The main lifts this day trains: its groups', when they serve its goal."""
        return [m for m in self.main_lifts if m.group in day.groups and day.goal in m.goals]

    def weekly_sets(self, week: int) -> dict[Group, int]:
        totals: dict[Group, int] = {}
        for day in self.sessions:
            if day.week == week:
                for group, sets in day.sets:
                    totals[group] = totals.get(group, 0) + sets
        return totals


@dataclass(frozen=True)
class Progress:
    """Which sessions are done (a logged workout planned for them), and which is next."""

    done: Mapping[int, int] = field(default_factory=dict)  # session number -> workout id

    def next_day(self, program: Program) -> Day | None:
        """The session after the furthest one done: missed days do not hold the block
        back, and a deleted workout's session comes round again only when it was last."""
        furthest = max(self.done, default=0)
        return next((d for d in program.sessions if d.number > furthest), None)


def waves(weeks: int) -> list[int]:
    """The block's weeks in waves of at most six, as even as they go, longer first."""
    count = math.ceil(weeks / LONGEST_WAVE)
    return [weeks // count + (i < weeks % count) for i in range(count)]


def weekly_targets(weeks: int, level: Level, group: Group = Group.LATS) -> list[tuple[int, bool]]:
    """Each week's sets for the group, and whether it is a deload week. Each wave after
    the first starts a step above the one before (up to its top)."""
    low, high = _ramp(group, level)
    targets: list[tuple[int, bool]] = []
    for wave, length in enumerate(waves(weeks)):
        loading = length - 1
        start = min(high, low + WAVE_STEP * wave)
        step = min(MAX_RAMP_STEP, (high - start) / max(1, loading - 1))
        ramp = [min(high, _half_up(start + step * i)) for i in range(loading)]
        targets += [(sets, False) for sets in ramp]
        targets.append((_half_up(ramp[-1] / 2), True))  # deload: half the sets
    return targets


def _ramp(group: Group, level: Level) -> tuple[int, int]:
    """A group's weekly sets across a wave, from the low mark to the high one."""
    return (LOWER_BACK_RAMP if group is Group.LOWER_BACK else RAMP)[level]


def _half_up(value: float) -> int:
    return math.floor(value + 0.5)


def day_groups(groups: Sequence[Group], days: int) -> list[tuple[Group, ...]]:
    """The groups of each day of a week. Up to three days, every session trains them
    all; four or five days alternate two halves, so no group trains two days running
    (NSCA: a rest day between sessions that stress the same muscles)."""
    every = tuple(groups) or tuple(Group)
    if days <= 3 or len(every) == 1:
        return [every] * days
    halves: tuple[tuple[Group, ...], tuple[Group, ...]]
    if set(every) == set(Group):
        halves = ((Group.LATS, Group.LOWER_BACK), (Group.UPPER_BACK,))
    else:
        halves = (every[: len(every) // 2], every[len(every) // 2 :])
    return [halves[i % 2] for i in range(days)]


def day_goals(goal: Goal | None, days: int, servable: Sequence[Goal] = UNDULATION) -> list[Goal]:
    """The goal of each day of a week: `goal`, or (auto) the goals every group can be
    trained for, in turn."""
    return [goal or servable[i % len(servable)] for i in range(days)]


def skeleton(
    weeks: int,
    days: int,
    goal: Goal | None,
    groups: Sequence[Group],
    level: Level,
    start: date,
    servable: Sequence[Goal] = UNDULATION,
) -> tuple[Day, ...]:
    """Every session of the block: its date, goal, groups and how many exercises each."""
    sessions: list[Day] = []
    goals = day_goals(goal, days, servable)
    week_groups = day_groups(groups, days)
    every = list(dict.fromkeys(g for groups in week_groups for g in groups))
    done: dict[Group, int] = {}  # each group's sets the week before
    ramps = {g: weekly_targets(weeks, level, g) for g in every}
    most = _week_capacity(week_groups, level)
    for week in range(1, weeks + 1):
        deload = ramps[every[0]][week - 1][1]
        # A deload halves what the week before did; a loading week is what the ceilings
        # let the days hold (so the ramp never drops within a wave).
        targets = {
            g: _half_up(done[g] / 2) if deload else min(ramps[g][week - 1][0], most[g])
            for g in every
        }
        slots = _week_slots(targets, goals, week_groups, level)
        done = {g: sum(plan[g][1] for plan in slots if g in plan) for g in every}
        for day in range(days):
            plan = slots[day]
            sessions.append(
                Day(
                    number=len(sessions) + 1,
                    week=week,
                    day=day + 1,
                    date=start + timedelta(weeks=week - 1, days=WEEKDAYS[days][day]),
                    goal=goals[day],
                    slots=tuple((g, n) for g, (n, _) in plan.items()),
                    sets=tuple((g, sets) for g, (_, sets) in plan.items()),
                    deload=deload,
                )
            )
    return tuple(sessions)


def _week_capacity(week_groups: Sequence[tuple[Group, ...]], level: Level) -> dict[Group, int]:
    """The most sets a week can give each group within the session ceilings: each day's
    ceiling shared by its groups as their ramps' tops are, a group's own at most."""
    most: dict[Group, int] = {}
    for groups in week_groups:
        tops = {g: _ramp(g, level)[1] for g in groups}
        for g in groups:
            share = SESSION_CEILING[level] * tops[g] // sum(tops.values())
            most[g] = most.get(g, 0) + min(GROUP_CEILING[level], share)
    return most


def _week_slots(
    targets: Mapping[Group, int],
    goals: Sequence[Goal],
    week_groups: Sequence[tuple[Group, ...]],
    level: Level,
) -> list[dict[Group, tuple[int, int]]]:
    """(exercises, sets) per group for each day, so each group's week comes to its target
    sets: what is left is shared over the days still to come, in exercises of about the
    goal's usual sets (at most one more), within a session's ceilings (`volume`)."""
    slots: list[dict[Group, tuple[int, int]]] = [dict.fromkeys(gs, (0, 0)) for gs in week_groups]
    for group, target in targets.items():
        days = [i for i, groups in enumerate(week_groups) if group in groups]
        left = target
        for k, i in enumerate(days):
            per = sets_per_exercise(goals[i], level)
            sets = max(1, _half_up(left / (len(days) - k)))
            count = max(1, _half_up(sets / per))
            if group is Group.LOWER_BACK and len(week_groups[i]) > 1:
                count = min(count, LOWER_BACK_CAP)  # a stabiliser, beside the others
            others = sum(n for g, (n, _) in slots[i].items() if g is not group)
            count = max(1, min(count, MAX_EXERCISES - others))
            sets = min(sets, count * (per + 1), GROUP_CEILING[level])
            slots[i][group] = (count, sets)
            left -= sets
    # Within the session's ceiling: the lower back gives first (the stabiliser, loaded by
    # the rows too), then the group with the most.
    for day in slots:
        while sum(sets for _, sets in day.values()) > SESSION_CEILING[level]:
            group = max(day, key=lambda g: (g is Group.LOWER_BACK and day[g][1] > 1, day[g][1]))
            count, sets = day[group]
            day[group] = (count, sets - 1)
    return slots


def main_lifts(
    exercises: Sequence[Exercise],
    groups: Sequence[Group],
    request: Request,
    goals: Sequence[Goal],
    recently: Mapping[str, int] | None = None,
) -> tuple[MainLift, ...]:
    """Per group one lift to hold for the block: a pinned one when there is one; else a
    core lift (`main`), loadable, two-sided and multi-joint, of the group's own pull for the lats
    and the upper back, that serves every goal of the block's days (so it is trained every
    session), with the least equipment to set up. At most one hinge and one of a family
    or kin, and below advanced not a hinge, an unsupported row and a back extension.
    `recently` (id -> sessions planned) keeps a lift you have been doing."""
    chosen: list[MainLift] = []
    picks = Picks(request.level)  # one of a family or kin, one hinge, the erectors spared
    wanted = set(goals)
    coin = random.Random(request.seed)
    # The lower back first: its main lift is the hinge, and it is the scarcest.
    for group in sorted(groups or tuple(Group), key=lambda g: g is not Group.LOWER_BACK):
        pool = candidates(exercises, [group], replace(request, goal=goals[0]))
        allowed = [e for e in pool if picks.allows(e)]
        if not allowed:
            continue
        tosses = {e.id: coin.random() for e in allowed}

        def rank(e: Exercise, group: Group = group, tosses: dict[str, float] = tosses) -> Any:
            return (
                e.id not in request.pinned,
                not e.main,  # the core lifts; specialised variants rotate around them
                e.dose is not Dose.REPS,
                tier(e) > MAIN_TIER or e.power,
                e.mechanic is not Mechanic.COMPOUND,
                e.load_kind is not LoadKind.EXTERNAL,
                group in HOME_PULL and e.pattern is not HOME_PULL[group],
                e.sides is not Sides.BOTH,
                not wanted <= e.goals,
                len(e.equipment),
                -(recently or {}).get(e.id, 0),
                tosses[e.id],
            )

        best = min(allowed, key=rank)
        picks.add(best)
        chosen.append(MainLift(group, best.id, best.name, best.goals))
    order = list(groups or tuple(Group))
    return tuple(sorted(chosen, key=lambda m: order.index(m.group)))


def build(
    exercises: Sequence[Exercise],
    *,
    weeks: int,
    days: int,
    goal: Goal | None,
    start: date,
    request: Request,
    now: datetime,
    recently: Mapping[str, int] | None = None,
) -> Program:
    """A block from the catalogue and the options of `workout` (in `request`)."""
    groups = tuple(request.groups)
    servable = [
        g for g in UNDULATION if goal is None and _serves(exercises, groups, request, g)
    ] or [goal or Goal.HYPERTROPHY]
    goals = day_goals(goal, days, servable)
    return Program(
        created=now,
        start=start,
        weeks=weeks,
        days=days,
        goal=goal,
        level=request.level,
        groups=groups,
        equipment=request.equipment,
        seed=request.seed,
        main_lifts=main_lifts(exercises, groups, request, goals, recently),
        sessions=skeleton(weeks, days, goal, groups, request.level, start, servable),
    )


def _serves(
    exercises: Sequence[Exercise], groups: Sequence[Group], request: Request, goal: Goal
) -> bool:
    """Whether every group has something to train for `goal` within the filters."""
    try:
        for group in groups or Group:
            candidates(exercises, [group], replace(request, goal=goal))
    except BackplanError:
        return False
    return True


DONE_NOTE = (
    "Every session of your block is done: 'backplan program end', then "
    "'backplan program new' plans the next one."
)


def shaped(request: Request, program: Program, day: Day, given: frozenset[str]) -> Request:
    """The day's session: the program's goal, groups, exercises and sets, level and
    equipment, with the main lifts pinned; the options `given` on the command line
    ("goal", "level", "equipment", "groups", "count", "seed") keep the request's own."""
    goal = request.goal if "goal" in given else day.goal
    groups = request.groups if "groups" in given else _named(day.groups)
    fixed = not given & {"groups", "count"}
    lifts = {m.id for m in program.main_lifts if m.group in (groups or Group) and goal in m.goals}
    return replace(
        request,
        goal=goal,
        groups=groups,
        level=request.level if "level" in given else program.level,
        equipment=request.equipment if "equipment" in given else program.equipment,
        seed=request.seed if "seed" in given else (program.seed + day.number) % 2**31,
        pinned=request.pinned | lifts,
        held=frozenset(lifts),
        slots=dict(day.slots) if fixed else {},
        group_sets=dict(day.sets) if fixed else {},
    )


def _named(groups: tuple[Group, ...]) -> tuple[Group, ...]:
    """A day of the whole back plans as a whole-back session (recovery, the lower-back
    cap); others name their groups."""
    return () if set(groups) == set(Group) else groups


def where(program: Program, day: Day, goal: Goal) -> str:
    """'Week 2, day 3 of your 4-week block: a strength day.'"""
    deload = " in the deload week: half the sets, same loads" if day.deload else ""
    return (
        f"Week {day.week}, day {day.day} of your {program.weeks}-week block: "
        f"a {goal.value} day{deload}."
    )
