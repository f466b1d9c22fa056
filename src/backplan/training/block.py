"""A block's skeleton: each session's day, goal, groups, and sets, planned ahead.

Weekly sets per group ramp in waves of at most six weeks (about 10 -> 14 -> 18,
Schoenfeld, Ogborn & Krieger 2017), each ending in a deload week: half the sets, the
main lifts' too, same loads (NSCA); a beginner's end at their top (he deloads after a
stall or a missed week: `program.deload_now`); each wave starts a step above the last.
The lower back, loaded again by every hinge and row, has its own lower ramp. `auto`
undulates strength / hypertrophy / endurance days.

The erectors never load two days running (NSCA: a rest day between sessions that
stress the same muscles): four or five days a week split by movement (hinge and rows /
vertical pulls and rear delts), and a block whose weekdays follow each other alternates
a day with the lower back and one without. The two kinds of day alternate session by
session, so a block moved forward by missed days keeps the rule too.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date, datetime

from backplan.catalogue.model import Exercise, Goal, Group, Level
from backplan.defaults import MAX_EXERCISES
from backplan.training.calendar import Calendar, back_to_back, spread
from backplan.training.candidates import Request, candidates
from backplan.training.mainlifts import main_lifts, serves
from backplan.training.planner import HOME_PULL
from backplan.training.prescription import sets_per_exercise
from backplan.training.program import HINGE_DAY, PULL_DAY, SPARE_DAY, UNDULATION, Day, Program
from backplan.training.slots import LOWER_BACK_CAP
from backplan.training.volume import GROUP_CEILING, MIN_SETS, SESSION_CEILING

# Weekly sets per group across a wave: from the low mark to the high one. Beginners
# grow on less (ACSM 2009: novices 1-3 sets an exercise), advanced lifters need more
# (Schoenfeld 2017: the dose-response keeps rising past 10 sets a week).
RAMP = {Level.BEGINNER: (6, 10), Level.INTERMEDIATE: (10, 18), Level.ADVANCED: (12, 20)}
LOWER_BACK_RAMP = {Level.BEGINNER: (4, 6), Level.INTERMEDIATE: (6, 10), Level.ADVANCED: (8, 12)}
MAX_RAMP_STEP = 4  # sets a week more, at most, from one week to the next
WAVE_STEP = 2  # sets a week: each wave after the first starts this much above the last
LONGEST_WAVE = 6  # weeks, the deload included
# A loading week's session holds at least this many hard sets: worth the trip.
SESSION_MINIMUM = {Level.BEGINNER: 6, Level.INTERMEDIATE: 8, Level.ADVANCED: 8}
# A day of rear-delt work holds one rear-delt drill and one shrug (one of a kin).
PULL_DAY_UPPER_BACK = 2

Kind = tuple[tuple[Group, ...], str | None]  # a day's groups, and its split


def waves(weeks: int) -> list[int]:
    """The block's weeks in waves of at most six, as even as they go, longer first."""
    count = math.ceil(weeks / LONGEST_WAVE)
    return [weeks // count + (i < weeks % count) for i in range(count)]


def weekly_targets(weeks: int, level: Level, group: Group = Group.LATS) -> list[tuple[int, bool]]:
    """Each week's sets for the group, and whether it is a deload week. Each wave after
    the first starts a step above the one before (up to its top)."""
    low, high = ramp(group, level)
    targets: list[tuple[int, bool]] = []
    for wave, length in enumerate(waves(weeks)):
        loading = length - 1
        start = min(high, low + WAVE_STEP * wave)
        step = min(MAX_RAMP_STEP, (high - start) / max(1, loading - 1))
        sets = [min(high, _half_up(start + step * i)) for i in range(loading)]
        targets += [(n, False) for n in sets]
        if level is Level.BEGINNER:  # no deload planned: after a stall or a missed week
            targets.append((sets[-1], False))
        else:
            targets.append((_half_up(sets[-1] / 2), True))  # deload: half the sets
    return targets


def ramp(group: Group, level: Level) -> tuple[int, int]:
    """A group's weekly sets across a wave, from the low mark to the high one."""
    return (LOWER_BACK_RAMP if group is Group.LOWER_BACK else RAMP)[level]


def _half_up(value: float) -> int:
    return math.floor(value + 0.5)


def kinds(groups: Sequence[Group], days: int, weekdays: Sequence[int]) -> tuple[Kind, ...]:
    """The one or two kinds of day a block alternates. Four or five days split the whole
    back by movement (hinge and rows / vertical pulls and rear delts) or named groups in
    halves; fewer days train every group, but on weekdays that follow each other every
    other day leaves the lower back out (or, alone, keeps it to stability drills)."""
    every = tuple(groups) or tuple(Group)
    if days >= 4 and len(every) > 1:
        if set(every) == set(Group):
            return (
                ((Group.LOWER_BACK, Group.UPPER_BACK), HINGE_DAY),
                ((Group.LATS, Group.UPPER_BACK), PULL_DAY),
            )
        half = len(every) // 2
        return ((every[:half], None), (every[half:], None))
    if Group.LOWER_BACK in every and (days >= 4 or back_to_back(weekdays)):
        rest = tuple(g for g in every if g is not Group.LOWER_BACK)
        spared: Kind = (rest, PULL_DAY if len(rest) == 2 else None) if rest else (every, SPARE_DAY)
        return ((every, None), spared)
    return ((every, None),)


def day_goals(goal: Goal | None, days: int, count: int, kinds_: int,
              servable: Sequence[Goal] = UNDULATION) -> list[Goal]:  # fmt: skip
    """The goal of each session: `goal`, or (auto) the goals every group can be trained
    for, in turn. Each kind of day goes round them on its own, so every group meets every
    day type; a single kind of day repeats its week's turn (two days: heavy and medium)."""
    if goal is not None:
        return [goal] * count
    n = len(servable)
    if kinds_ == 1:
        return [servable[(i % days if days <= 3 else i) % n] for i in range(count)]
    return [servable[(i // 2 + i % 2) % n] for i in range(count)]


def skeleton(
    weeks: int,
    days: int,
    goal: Goal | None,
    groups: Sequence[Group],
    level: Level,
    calendar: Calendar,
    servable: Sequence[Goal] = UNDULATION,
) -> tuple[Day, ...]:
    """Every session of the block: its day, goal, groups and how many exercises each."""
    count = weeks * days
    alternating = kinds(groups, days, calendar.weekdays)
    plan = [alternating[i % len(alternating)] for i in range(count)]
    goals = day_goals(goal, days, count, len(alternating), servable)
    dates = calendar.planned(count)
    every = list(dict.fromkeys(g for groups_, _ in alternating for g in groups_))
    weeks_of = [range((w - 1) * days, w * days) for w in range(1, weeks + 1)]
    ramps = {g: weekly_targets(weeks, level, g) for g in every}
    most = {
        g: min(_week_capacity([plan[i][0] for i in week], level).get(g, 0) for week in weeks_of)
        for g in every
    }
    # A loading week's floor: enough for every day to be worth the trip (the same in
    # every week, so the ramp never drops), within what the days can hold.
    least = {
        g: min(most[g], max(_week_floor([plan[i][0] for i in week], level).get(g, 0)
                            for week in weeks_of))
        for g in every
    }  # fmt: skip
    sessions: list[Day] = []
    done: dict[Group, int] = {}  # each group's sets the week before
    for week, indices in enumerate(weeks_of, start=1):
        deload = ramps[every[0]][week - 1][1]
        # A deload halves what the week before did; a loading week is what the ceilings
        # let the days hold (so the ramp never drops within a wave).
        targets = {
            g: _half_up(done[g] / 2)
            if deload
            # Above the floor, the ramp's climb since week 1 still climbs.
            else min(
                most[g],
                max(least[g] + ramps[g][week - 1][0] - ramps[g][0][0], ramps[g][week - 1][0]),
            )
            for g in every
        }
        slots = _week_slots(targets, [goals[i] for i in indices], [plan[i] for i in indices], level)
        if not deload:
            slots = [
                worth_the_trip(day, goals[i], level) for day, i in zip(slots, indices, strict=True)
            ]
            if done and not ramps[every[0]][week - 2][1]:  # the ramp never drops in a wave
                _not_below(slots, done, [goals[i] for i in indices], level)
        done = {g: sum(day[g][1] for day in slots if g in day) for g in every}
        for k, i in enumerate(indices):
            sessions.append(
                Day(
                    number=i + 1,
                    week=week,
                    day=k + 1,
                    date=dates[i],
                    goal=goals[i],
                    slots=tuple((g, n) for g, (n, _) in slots[k].items()),
                    sets=tuple((g, sets) for g, (_, sets) in slots[k].items()),
                    deload=deload,
                    split=plan[i][1],
                )
            )
    return tuple(sessions)


def _week_capacity(week_groups: Sequence[tuple[Group, ...]], level: Level) -> dict[Group, int]:
    """The most sets a week can give each group within the session ceilings: each day's
    ceiling shared by its groups as their ramps' tops are, a group's own at most."""
    most: dict[Group, int] = {}
    for groups in week_groups:
        tops = {g: ramp(g, level)[1] for g in groups}
        for g in groups:
            share = SESSION_CEILING[level] * tops[g] // sum(tops.values())
            most[g] = most.get(g, 0) + min(GROUP_CEILING[level], share)
    return most


def _week_slots(
    targets: Mapping[Group, int],
    goals: Sequence[Goal],
    plan: Sequence[Kind],
    level: Level,
) -> list[dict[Group, tuple[int, int]]]:
    """(exercises, sets) per group for each day, so each group's week comes to its target
    sets: what is left is shared over the days still to come, in exercises of about the
    goal's usual sets (at most one more), within a session's ceilings (`volume`)."""
    slots: list[dict[Group, tuple[int, int]]] = [dict.fromkeys(gs, (0, 0)) for gs, _ in plan]
    for group, target in targets.items():
        days = [i for i, (groups, _) in enumerate(plan) if group in groups]
        left = target
        for k, i in enumerate(days):
            per = sets_per_exercise(goals[i], level)
            sets = max(1, _half_up(left / (len(days) - k)))
            # Four sets or more make two exercises at the least: one lift and a variant.
            count = max(1 + (sets >= 2 * MIN_SETS), _half_up(sets / per))
            if group is Group.LOWER_BACK and len(plan[i][0]) > 1:
                count = min(count, LOWER_BACK_CAP)  # a stabiliser, beside the others
            if group is Group.UPPER_BACK and plan[i][1] == PULL_DAY:
                count = min(count, PULL_DAY_UPPER_BACK)
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


def _week_floor(week_groups: Sequence[tuple[Group, ...]], level: Level) -> dict[Group, int]:
    """The fewest sets a week gives each group so that every day has 2 sets a group and
    `SESSION_MINIMUM` in all, the rest of a day's minimum shared by its groups other than
    the lower back (its ramp is the erectors'), the first ones taking any extra."""
    floor: dict[Group, int] = {}
    for groups in week_groups:
        extra = max(0, SESSION_MINIMUM[level] - MIN_SETS * len(groups))
        takers: list[Group] = [g for g in groups if g is not Group.LOWER_BACK] or list(groups)
        for g in groups:
            share = 0
            if g in takers:
                index = takers.index(g)
                share = extra // len(takers) + (index < extra % len(takers))
            floor[g] = floor.get(g, 0) + MIN_SETS + share
    return floor


def worth_the_trip(
    day: dict[Group, tuple[int, int]], goal: Goal, level: Level
) -> dict[Group, tuple[int, int]]:
    """A loading week's day with a session's minimum of work: each group at least 2 sets
    (its main lift gets them), and the day at least `SESSION_MINIMUM` hard sets, the
    sets added to the group with the fewest, the lower back last (its ramp is the
    erectors'), within each group's ceiling."""
    day = {g: (count, max(sets, MIN_SETS)) for g, (count, sets) in day.items()}
    while sum(sets for _, sets in day.values()) < SESSION_MINIMUM[level]:
        room = [g for g, (count, sets) in day.items() if sets < _most_sets(count, goal, level)]
        if not room:
            break
        group = min(room, key=lambda g: (g is Group.LOWER_BACK, day[g][1]))
        count, sets = day[group]
        day[group] = (count, sets + 1)
    return day


def worth_days(
    weeks: int, days: int, groups: Sequence[Group], level: Level, start: date,
    weekdays: Sequence[int] = (),
) -> int:  # fmt: skip
    """The most days a week, up to `days`, whose every loading day the week's ceilings
    let hold a session's minimum (`SESSION_MINIMUM`): a beginner's five days of the
    whole back would be days of a few sets each."""
    while days > 2:
        alternating = kinds(groups, days, on_days(start, weekdays, days))
        plan = [alternating[i % len(alternating)][0] for i in range(weeks * days)]
        week_groups = [plan[(w - 1) * days : w * days] for w in range(1, weeks + 1)]
        # Every week's floor within every week's capacity: the ramp can hold both.
        most = [_week_capacity(week, level) for week in week_groups]
        floors = [_week_floor(week, level) for week in week_groups]
        needed = {g: max(f.get(g, 0) for f in floors) for g in set().union(*floors)}
        if all(needed[g] <= min(m.get(g, 0) for m in most) for g in needed):
            break
        days -= 1
    return days


def on_days(start: date, weekdays: Sequence[int], days: int) -> tuple[int, ...]:
    """The weekdays of `days` sessions: those named (`days` of them spread over them:
    Mon-Fri as three days is Mon, Wed, Fri), else spread from the start."""
    named = sorted(set(weekdays))
    if not named:
        return spread(days, start)
    if len(named) <= days:
        return tuple(named)
    return tuple(named[round(i * (len(named) - 1) / max(1, days - 1))] for i in range(days))


def _most_sets(count: int, goal: Goal, level: Level) -> int:
    """A group's most sets on a day: its ceiling, and one over the usual an exercise."""
    return min(GROUP_CEILING[level], count * (sets_per_exercise(goal, level) + 1))


def _not_below(
    slots: list[dict[Group, tuple[int, int]]],
    before: Mapping[Group, int],
    goals: Sequence[Goal],
    level: Level,
) -> None:
    """Raise each group's week to at least the week before's, a set at a time on its days
    with room (a day's minimum can lift one week above the next)."""
    for group, want in before.items():
        days = [k for k, day in enumerate(slots) if group in day]
        while sum(slots[k][group][1] for k in days) < want:
            room = [
                k
                for k in days
                if slots[k][group][1] < _most_sets(slots[k][group][0], goals[k], level)
                and sum(n for _, n in slots[k].values()) < SESSION_CEILING[level]
            ]
            if not room:
                break
            k = min(room, key=lambda k: slots[k][group][1])
            count, sets = slots[k][group]
            slots[k][group] = (count, sets + 1)


def _holds(day: Day, group: Group) -> bool:
    """Whether the day trains the group's own movement (where its main lift lives)."""
    patterns = day.movements.get(group)
    return group in day.groups and (patterns is None or HOME_PULL.get(group) in patterns)


def build(
    exercises: Sequence[Exercise],
    *,
    weeks: int,
    days: int,
    goal: Goal | None,
    start: date,
    request: Request,
    now: datetime,
    weekdays: Sequence[int] = (),
    logged: Mapping[str, int] | None = None,
) -> Program:
    """A block from the catalogue and the options of `workout` (in `request`), on the
    given weekdays (else `days` spread from the start), the main lifts the ones `logged`
    most (sessions per exercise id) that fit."""
    groups = tuple(request.groups)
    calendar = Calendar(start, tuple(sorted(set(weekdays))) or spread(days, start))
    # The groups the catalogue can train within the filters, and the day types all of
    # them serve: a split day names its groups, so each must have something.
    tried = [goal] if goal else list(UNDULATION)
    found = tuple(
        g for g in groups or Group if any(serves(exercises, [g], request, x) for x in tried)
    )
    for g in set(groups) - set(found):  # a group named must have something: say why not
        candidates(exercises, [g], replace(request, goal=tried[0]))
    present = found or groups
    servable = [x for x in tried if serves(exercises, present, request, x)] or [
        goal or Goal.HYPERTROPHY
    ]
    # A group that cannot serve those day types sits the block out (it would be named on
    # days it has nothing for).
    present = (
        tuple(g for g in present if all(serves(exercises, [g], request, x) for x in servable))
        or present
    )
    trained = () if set(present) == set(Group) else present
    fewer = worth_days(weeks, days, trained, request.level, start, weekdays)
    if fewer < days:
        calendar = Calendar(start, on_days(start, weekdays, fewer))
        days = fewer
    sessions = skeleton(weeks, days, goal, trained, request.level, calendar, servable)
    # Each group's day types: those of the days that train its own movement.
    goals = {
        g: sorted({d.goal for d in sessions if _holds(d, g)}, key=list(Goal).index)
        for g in trained or Group
    }
    lifted = main_lifts(exercises, trained, request, goals, logged or {})
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
        main_lifts=lifted,
        sessions=sessions,
        weekdays=calendar.weekdays,
    )
