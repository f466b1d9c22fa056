"""Programs: the block's skeleton over every option, and blocks followed through the
planner on random catalogues."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, timedelta
from itertools import combinations, pairwise

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from backplan.catalogue.model import Exercise, Goal, Group, Level, Pattern
from backplan.errors import BackplanError
from backplan.training import program
from backplan.training.candidates import Request, candidates
from backplan.training.model import Recency
from backplan.training.picks import KIN
from backplan.training.planner import plan
from backplan.training.program import WEEKDAYS, Progress
from tests.test_planner import NOW, SHIPPED, exercises, followed

START = date(2026, 11, 30)  # a Monday
GROUP_CHOICES = [tuple(c) for n in range(4) for c in combinations(list(Group), n)]
GOALS = (None, *Goal)


def _every_option() -> list[tuple[int, int, Goal | None, tuple[Group, ...], Level]]:
    return [
        (weeks, days, goal, groups, level)
        for weeks in range(program.WEEKS[0], program.WEEKS[1] + 1)
        for days in range(program.DAYS[0], program.DAYS[1] + 1)
        for goal in GOALS
        for groups in GROUP_CHOICES
        for level in Level
    ]


def _block(
    weeks: int, days: int, goal: Goal | None, groups: tuple[Group, ...], level: Level
) -> program.Program:
    sessions = program.skeleton(weeks, days, goal, groups, level, START)
    return program.Program(NOW, START, weeks, days, goal, level, groups, None, 0, (), sessions)


def test_every_block_there_is() -> None:
    """Every combination of weeks, days, goal, groups and level: the calendar, the
    ramp, the deload, the split, and the caps."""
    for weeks, days, goal, groups, level in _every_option():
        block = _block(weeks, days, goal, groups, level)
        sessions = block.sessions
        label = (weeks, days, goal, groups, level)
        assert [d.number for d in sessions] == list(range(1, weeks * days + 1)), label
        for d in sessions:
            assert d.date == START + timedelta(weeks=d.week - 1, days=WEEKDAYS[days][d.day - 1])
            assert d.exercises <= 12
            assert all(n >= 1 for _, n in d.slots)
            assert all(n >= 1 for _, n in d.sets)
            if len(d.groups) > 1:
                assert dict(d.slots).get(Group.LOWER_BACK, 0) <= 2, label
            if goal is not None:
                assert d.goal is goal
        trained = groups or tuple(Group)
        weekly = [block.weekly_sets(w) for w in range(1, weeks + 1)]
        deloads = [w for w in range(1, weeks + 1) if sessions[(w - 1) * days].deload]
        assert deloads[-1] == weeks, label  # the last week is a deload
        assert all(b - a >= 3 for a, b in pairwise(deloads))
        for w in range(1, weeks + 1):
            assert set(weekly[w - 1]) == set(trained), label
            days_of = {g: [d for d in sessions if d.week == w and g in d.groups] for g in trained}
            # Every group trains at least twice a week; with four or five days, never two
            # days running.
            for g, ds in days_of.items():
                assert len(ds) >= 2, (label, g)
                if days <= 3 or len(trained) == 1:
                    assert len(ds) == days, (label, g)
                else:
                    offsets = [WEEKDAYS[days][d.day - 1] for d in ds]
                    assert all(b - a >= 2 for a, b in pairwise(offsets)), (label, g, offsets)
            if w in deloads:
                for g, sets in weekly[w - 1].items():
                    before = weekly[w - 2][g]
                    # Half the sets of the week before (one set a session at the least).
                    assert sets == max(round(before / 2 + 0.01), len(days_of[g])), (label, g)
            elif w - 1 not in deloads and w > 1:
                # The ramp: loading weeks never drop within a wave.
                for g in trained:
                    assert weekly[w - 1][g] >= weekly[w - 2][g], (label, g, weekly)
        # `auto` undulates: a week of three days or more has all three goals.
        if goal is None:
            expected = set(Goal) if days >= 3 else {Goal.STRENGTH, Goal.HYPERTROPHY}
            assert {d.goal for d in sessions[:days]} == expected, label


@pytest.mark.parametrize("level", list(Level))
def test_the_ramp_is_about_ten_fourteen_eighteen(level: Level) -> None:
    targets = program.weekly_targets(4, level)
    low, high = program.RAMP[level]
    assert [t for t, _ in targets[:3]] == [low, (low + high) // 2, high]
    assert targets[3] == (round(high / 2), True)
    assert program.waves(12) == [6, 6]
    assert program.waves(7) == [4, 3]


def _follow(
    pool: list[Exercise], block: program.Program, base: Request, days: int | None = None
) -> list[tuple[program.Day, list[str], Request]]:
    """Plan the block's sessions one after another, each fed back as history."""
    sessions = block.sessions[:days]
    requests = [program.shaped(base, block, day, frozenset()) for day in sessions]
    moments = [datetime.combine(day.date, NOW.timetz()) for day in sessions]
    planned = followed(pool, zip(requests, moments, strict=True))
    return list(zip(sessions, planned, requests, strict=True))


@settings(max_examples=60)
@given(
    pool=exercises(),
    weeks=st.integers(4, 6),
    days=st.integers(2, 5),
    goal=st.sampled_from(GOALS),
    groups=st.sampled_from(GROUP_CHOICES),
    level=st.sampled_from(list(Level)),
    seed=st.integers(0, 2**31),
)
def test_a_block_holds_its_main_lifts_and_rotates_the_rest(
    pool: list[Exercise],
    weeks: int,
    days: int,
    goal: Goal | None,
    groups: tuple[Group, ...],
    level: Level,
    seed: int,
) -> None:
    base = Request(groups=groups, level=level, seed=seed)
    try:
        block = program.build(
            pool, weeks=weeks, days=days, goal=goal, start=START, request=base, now=NOW
        )
    except BackplanError as err:
        refused = err
    else:
        refused = None
    if refused is not None:
        assert refused.exit_code == 2  # a group with nothing that serves the goal
        return
    assume(block.main_lifts)
    by_id = {e.id: e for e in pool}
    mains = {m.id for m in block.main_lifts}
    assert len({by_id[i].family_name for i in mains}) == len(mains)
    assert sum(by_id[i].pattern is Pattern.HINGE for i in mains) <= 1
    followed = _follow(pool, block, base, days * 3)
    previous: list[str] = []
    for day, ids, request in followed:
        # Every main lift of the day's groups whose goals take the day's goal is in.
        for lift in block.main_lifts_of(day):
            assert lift.id in ids, (day, lift.id, ids)
        # Accessories: none from the session before while its group had a fresh one.
        picked = [by_id[i] for i in ids]
        pool_now = candidates(pool, request.groups or tuple(Group), request)
        for e in picked:
            if e.id in previous and e.id not in mains:
                fresh = [
                    a
                    for a in pool_now
                    if a.group is e.group
                    and a.id not in ids
                    and a.id not in previous
                    and a.family_name not in {p.family_name for p in picked if p is not e}
                    and not (a.is_hinge and any(p.is_hinge for p in picked if p is not e))
                    and not (a.pattern in KIN and any(p.pattern is a.pattern for p in picked))
                    and (e.preparation or not a.preparation)
                ]
                assert not fresh, (day.number, e.id, [a.id for a in fresh])
        previous = ids


@pytest.mark.parametrize("days", [2, 3, 4, 5])
def test_on_the_shipped_catalogue_the_sets_planned_are_the_blocks(days: int) -> None:
    """Followed on the shipped catalogue, each week's sets per group are the block's, so
    the ramp and the deload are what a lifter does."""
    base = Request(seed=11)
    block = program.build(
        list(SHIPPED), weeks=4, days=days, goal=None, start=START, request=base, now=NOW
    )
    by_id = {e.id: e for e in SHIPPED}
    for day, ids, request in _follow(list(SHIPPED), block, base):
        workout = plan(list(SHIPPED), request, Recency(), NOW)
        sets = Counter[Group]()
        for e in workout.exercises:
            sets[e.group] += e.prescription.sets
        # The erectors' budget depends on the lifts drawn: it may trim, and says so.
        erectors = any(note.startswith("The erectors") for note in workout.notes)
        assert dict(sets) == dict(day.sets) or erectors, (day, ids, workout.notes)
        assert {by_id[i].group for i in ids} == set(day.groups)


def test_the_next_session_is_the_one_after_the_furthest_done() -> None:
    block = _block(4, 3, None, (), Level.INTERMEDIATE)
    assert Progress().next_day(block) == block.sessions[0]
    assert Progress({1: 10, 2: 11}).next_day(block) == block.sessions[2]
    # A workout deleted behind the furthest one done does not send you back.
    assert Progress({1: 10, 3: 12}).next_day(block) == block.sessions[3]
    assert Progress({12: 30}).next_day(block) is None


def test_the_lower_back_ramps_lower_advanced_higher_and_each_wave_above_the_last() -> None:
    """For every weeks x days x level x goal of a whole-back block: the lower back's
    weekly sets stay below the lats' and the upper back's (its own ramp, about
    6 -> 8 -> 10), an advanced block carries more than an intermediate one, each wave
    starts above the one before, and no day passes the session's ceilings."""
    from backplan.training.volume import GROUP_CEILING, SESSION_CEILING

    for weeks in range(program.WEEKS[0], program.WEEKS[1] + 1):
        for days in range(program.DAYS[0], program.DAYS[1] + 1):
            for goal in GOALS:
                totals = {}
                for level in Level:
                    block = _block(weeks, days, goal, (), level)
                    label = (weeks, days, goal, level)
                    for w in range(1, weeks + 1):
                        week = block.weekly_sets(w)
                        assert week[Group.LOWER_BACK] <= week[Group.LATS], (label, w, week)
                        assert week[Group.LOWER_BACK] <= week[Group.UPPER_BACK], (label, w)
                    for d in block.sessions:
                        assert all(n <= GROUP_CEILING[level] for _, n in d.sets), label
                        assert sum(n for _, n in d.sets) <= SESSION_CEILING[level], label
                    starts = []
                    week = 1
                    for length in program.waves(weeks):
                        starts.append(sum(block.weekly_sets(week).values()))
                        week += length
                    assert all(b > a for a, b in pairwise(starts)), (label, starts)
                    totals[level] = sum(sum(block.weekly_sets(w).values()) for w in
                                        range(1, weeks + 1))  # fmt: skip
                assert totals[Level.ADVANCED] > totals[Level.INTERMEDIATE], (weeks, days, goal)
    lower = [t for t, deload in program.weekly_targets(4, Level.INTERMEDIATE, Group.LOWER_BACK)]
    assert lower[:3] == [6, 8, 10]
