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
from backplan.training import block as blocks
from backplan.training import mainlifts, program
from backplan.training.calendar import Calendar, spread
from backplan.training.candidates import Request, candidates, for_your_level
from backplan.training.model import Recency
from backplan.training.planner import plan
from backplan.training.program import PULL_DAY, SPARE_DAY, Progress
from backplan.training.volume import MIN_SETS, erector_share
from tests.test_planner import NOW, SHIPPED, exercises, followed, kin

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
    weeks: int,
    days: int,
    goal: Goal | None,
    groups: tuple[Group, ...],
    level: Level,
    weekdays: tuple[int, ...] = (),
    start: date = START,
) -> program.Program:
    # A day that could not hold a session's minimum: fewer days (`block.build`).
    days = blocks.worth_days(weeks, days, groups, level, start, weekdays)
    weekdays = blocks.on_days(start, weekdays, days) if weekdays else ()
    calendar = Calendar(start, weekdays or spread(days, start))
    sessions = blocks.skeleton(weeks, days, goal, groups, level, calendar)
    return program.Program(
        NOW, start, weeks, days, goal, level, groups, None, 0, (), sessions, weekdays=weekdays
    )


def _loads_erectors(day: program.Day) -> bool:
    return Group.LOWER_BACK in day.groups and day.split != SPARE_DAY


def _rests_the_erectors(days: list[tuple[date, program.Day]], label: object) -> None:
    """No two days running both load the lower back."""
    loading = [when for when, d in days if _loads_erectors(d)]
    assert all(b - a > timedelta(days=1) for a, b in pairwise(loading)), (label, loading)


def test_every_block_there_is() -> None:
    """Every combination of weeks, days, goal, groups and level: the calendar, the
    ramp, the deload, the split, the erectors' rest day, every day type for every
    group, and the caps."""
    for weeks, asked, goal, groups, level in _every_option():
        block = _block(weeks, asked, goal, groups, level)
        days = block.days
        sessions = block.sessions
        label = (weeks, asked, goal, groups, level)
        # Every loading day is worth the trip: 2 sets a group, a session's minimum in all.
        for d in sessions:
            if not d.deload:
                assert all(n >= MIN_SETS for _, n in d.sets), (label, d)
                assert sum(n for _, n in d.sets) >= blocks.SESSION_MINIMUM[level], (label, d)
        assert [d.number for d in sessions] == list(range(1, weeks * days + 1)), label
        assert all(a.date < b.date for a, b in pairwise(sessions))
        _rests_the_erectors([(d.date, d) for d in sessions], label)
        for d in sessions:
            assert d.date.weekday() in spread(days, START)
            assert d.date - START < timedelta(weeks=d.week)
            assert d.exercises <= 12
            assert all(n >= 1 for _, n in d.slots)
            assert all(n >= 1 for _, n in d.sets)
            if len(d.groups) > 1:
                assert dict(d.slots).get(Group.LOWER_BACK, 0) <= 2, label
            if goal is not None:
                assert d.goal is goal
        trained = groups or tuple(Group)
        weekly = [block.weekly_sets(w) for w in range(1, weeks + 1)]
        # A wave starts lower: after a deload, or (a beginner's) after its top week.
        starts = {1 + sum(blocks.waves(weeks)[:i]) for i in range(len(blocks.waves(weeks)))}
        deloads = [w for w in range(1, weeks + 1) if sessions[(w - 1) * days].deload]
        if level is Level.BEGINNER:
            assert not deloads, label  # after a stall or a missed week, not planned
        else:
            assert deloads[-1] == weeks, label  # the last week is a deload
            assert all(b - a >= 3 for a, b in pairwise(deloads))
        for w in range(1, weeks + 1):
            assert set(weekly[w - 1]) == set(trained), label
            days_of = {g: [d for d in sessions if d.week == w and g in d.groups] for g in trained}
            # Every group trains at least twice a week; up to three days, every day.
            for g, ds in days_of.items():
                assert len(ds) >= 2, (label, g)
                if days <= 3 or len(trained) == 1:
                    assert len(ds) == days, (label, g)
            if w in deloads:
                for g, sets in weekly[w - 1].items():
                    before = weekly[w - 2][g]
                    # Half the sets of the week before (one set a session at the least).
                    assert sets == max(round(before / 2 + 0.01), len(days_of[g])), (label, g)
            elif w - 1 not in deloads and w > 1 and w not in starts:
                # The ramp: loading weeks never drop within a wave.
                for g in trained:
                    assert weekly[w - 1][g] >= weekly[w - 2][g], (label, g, weekly)
        # `auto` undulates: a week of three days or more has all three goals, and every
        # group meets every day type over the block.
        if goal is None:
            expected = set(Goal) if days >= 3 else {Goal.STRENGTH, Goal.HYPERTROPHY}
            assert {d.goal for d in sessions[:days]} == expected, label
            for g in trained:
                assert {d.goal for d in sessions if g in d.groups} == expected, (label, g)


@pytest.mark.parametrize("level", list(Level))
def test_the_ramp_is_about_ten_fourteen_eighteen(level: Level) -> None:
    targets = blocks.weekly_targets(4, level)
    low, high = blocks.RAMP[level]
    assert [t for t, _ in targets[:3]] == [low, (low + high) // 2, high]
    # A beginner's wave ends at its top: he deloads after a stall or a missed week.
    assert targets[3] == ((high, False) if level is Level.BEGINNER else (round(high / 2), True))
    assert blocks.waves(12) == [6, 6]
    assert blocks.waves(7) == [4, 3]


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
        block = blocks.build(
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
    for day_type in Goal:  # a day's main lifts keep a session's rules
        ids = {m.id for m in block.main_lifts if day_type in m.goals}
        assert len({by_id[i].family_name for i in ids}) == len(ids)
        assert sum(by_id[i].pattern is Pattern.HINGE for i in ids) <= 1
    followed = _follow(pool, block, base, days * 3)
    previous: list[str] = []
    for day, ids, request in followed:
        # Every main lift of the day's groups whose goals take the day's goal is in.
        for lift in block.main_lifts_of(day):
            assert lift.id in ids, (day, lift.id, ids)
        # Accessories: none from the session before while its group had a fresh one.
        picked = [by_id[i] for i in ids]
        pool_now = for_your_level(
            candidates(pool, request.groups or tuple(Group), request), level, request.pinned
        )
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
                    and not (kin(a) is not None and any(kin(p) == kin(a) for p in picked))
                    and (e.preparation or not a.preparation)
                ]
                assert not fresh, (day.number, e.id, [a.id for a in fresh])
        previous = ids


@pytest.mark.parametrize("days", [2, 3, 4, 5])
def test_on_the_shipped_catalogue_the_sets_planned_are_the_blocks(days: int) -> None:
    """Followed on the shipped catalogue, each week's sets per group are the block's, so
    the ramp and the deload are what a lifter does."""
    base = Request(seed=11)
    block = blocks.build(
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
                    for length in blocks.waves(weeks):
                        starts.append(sum(block.weekly_sets(week).values()))
                        week += length
                    assert all(b > a for a, b in pairwise(starts)), (label, starts)
                    totals[level] = sum(sum(block.weekly_sets(w).values()) for w in
                                        range(1, weeks + 1))  # fmt: skip
                assert totals[Level.ADVANCED] > totals[Level.INTERMEDIATE], (weeks, days, goal)
    lower = [t for t, deload in blocks.weekly_targets(4, Level.INTERMEDIATE, Group.LOWER_BACK)]
    assert lower[:3] == [6, 8, 10]


WEEKDAY_SETS = st.sets(st.integers(0, 6), min_size=program.DAYS[0], max_size=program.DAYS[1])


@settings(max_examples=300)
@given(
    weeks=st.integers(program.WEEKS[0], program.WEEKS[1]),
    weekdays=WEEKDAY_SETS,
    goal=st.sampled_from(GOALS),
    groups=st.sampled_from(GROUP_CHOICES),
    level=st.sampled_from(list(Level)),
    done=st.lists(st.booleans(), max_size=70),
    late=st.integers(0, 20),
)
def test_a_block_on_any_weekdays_moved_by_any_missed_days_keeps_order_deloads_and_rest(
    weeks: int,
    weekdays: set[int],
    goal: Goal | None,
    groups: tuple[Group, ...],
    level: Level,
    done: list[bool],
    late: int,
) -> None:
    """On any weekdays, the sessions fall on them in order; a lifter who trains some
    planned days and misses others (`done`), then comes back `late` days after, finds the
    rest of the block moved on: in order, from today, on its weekdays, the deloads where
    they were, every missed day named, and the erectors never loaded two days running."""
    chosen = tuple(sorted(weekdays))
    block = _block(weeks, len(chosen), goal, groups, level, chosen)
    label = (weeks, chosen, goal, groups, level)
    planned = block.calendar.planned(len(block.sessions))
    assert [d.date for d in block.sessions] == planned
    assert all(day.weekday() in chosen for day in planned)
    if goal is None and block.days >= 3:
        for g in groups or tuple(Group):
            assert {d.goal for d in block.sessions if g in d.groups} == set(Goal), (label, g)
    # The lifter's weeks: each planned day trained (the next session) or missed.
    logged: dict[int, date] = {}
    calendar = block.calendar
    day = calendar.next_open(START)
    for trained in done[: len(block.sessions)]:
        if trained:
            logged[len(logged) + 1] = day
        day = calendar.next_open(day + timedelta(days=1))
    today = day + timedelta(days=late)
    progress = Progress({n: 100 + n for n in logged}, logged)
    schedule = block.schedule(progress, today)
    dates = schedule.dates_in_order(len(block.sessions))
    assert all(a < b for a, b in pairwise(dates)), label  # the order holds
    pending = [d for d in block.sessions if d.number not in logged]
    assert all(dates[d.number - 1] >= today for d in pending)
    assert all(dates[d.number - 1].weekday() in chosen for d in pending)
    assert all(dates[n - 1] == on for n, on in logged.items())
    assert [d.deload for d in block.sessions] == [d.deload for d in _block(
        weeks, len(chosen), goal, groups, level, chosen).sessions]  # fmt: skip
    assert schedule.end >= planned[-1]
    # Every training day that passed without a session is named, and only those.
    passed = set()
    day = calendar.next_open(START)
    while day < (dates[len(logged)] if pending else max(logged.values())):
        passed.add(day)
        day = calendar.next_open(day + timedelta(days=1))
    assert set(schedule.missed) == passed - set(logged.values()), label
    _rests_the_erectors([(dates[d.number - 1], d) for d in block.sessions], label)


def test_the_missed_week_of_the_trial_moves_the_block_and_its_end() -> None:
    """The trial: a block from Mon 7 Dec on Mon/Wed/Fri, two weeks done, the week of
    Mon 21 Dec missed. On Mon 28 Dec the next session is that day, the missed days are
    named and the block ends a week later."""
    block = _block(4, 3, None, (), Level.INTERMEDIATE, (0, 2, 4), date(2026, 12, 7))
    assert block.sessions[-1].date == date(2027, 1, 1)
    logged = {d.number: d.date for d in block.sessions[:6]}
    progress = Progress({n: n for n in logged}, logged)
    schedule = block.schedule(progress, date(2026, 12, 28))
    assert progress.next_day(block) == block.sessions[6]
    assert schedule.dates[7] == date(2026, 12, 28)
    assert schedule.missed == (date(2026, 12, 21), date(2026, 12, 23), date(2026, 12, 25))
    assert schedule.end == date(2027, 1, 8)


def test_a_move_gives_up_its_day_and_takes_another() -> None:
    from backplan.training.calendar import Move

    block = _block(4, 3, None, (), Level.INTERMEDIATE, (0, 2, 4), date(2026, 12, 7))
    christmas = date(2026, 12, 25)
    today = date(2026, 12, 20)
    moved = replace_moves(block, (Move(christmas, date(2026, 12, 26)),))
    schedule = moved.schedule(Progress(), today)
    # 25 Dec is the last session of week 3's: it goes to Saturday and the rest hold.
    assert christmas not in schedule.dates.values()
    assert date(2026, 12, 26) in schedule.dates.values()
    assert schedule.end == block.schedule(Progress(), today).end
    # Without --to, the session goes to the next training day, and the block ends later.
    later = replace_moves(block, (Move(christmas),)).schedule(Progress(), today)
    assert christmas not in later.dates.values()
    assert date(2026, 12, 28) in later.dates.values()
    assert later.end > schedule.end


def test_a_block_all_done_has_nothing_to_move() -> None:
    from backplan.training.calendar import checked_move

    block = _block(4, 2, None, (), Level.INTERMEDIATE)
    done = {d.number: d.date for d in block.sessions}
    schedule = block.schedule(Progress({n: n for n in done}, done), date(2027, 3, 1))
    with pytest.raises(BackplanError, match="none to move"):
        checked_move(block.calendar, schedule, date(2027, 3, 1), None, date(2027, 3, 1))


def replace_moves(block: program.Program, moves: tuple[object, ...]) -> program.Program:
    from dataclasses import replace

    return replace(block, moves=moves)


@pytest.mark.parametrize("days", [4, 5])
def test_four_and_five_days_split_by_movement_on_the_shipped_catalogue(days: int) -> None:
    """Hinge days row; pull days train the vertical pull and rear delts, and nothing that
    loads the erectors."""
    from backplan.catalogue.model import Pattern

    base = Request(seed=5)
    block = blocks.build(
        list(SHIPPED), weeks=4, days=days, goal=None, start=START, request=base, now=NOW
    )
    by_id = {e.id: e for e in SHIPPED}
    for day, ids, _ in _follow(list(SHIPPED), block, base):
        picked = [by_id[i] for i in ids]
        upper = {e.pattern for e in picked if e.group is Group.UPPER_BACK}
        if day.split == PULL_DAY:
            assert upper <= {Pattern.SCAPULAR, Pattern.SHRUG}, (day, ids)
            assert not any(erector_share(e) for e in picked), (day, ids)
            assert any(e.pattern is Pattern.VERTICAL_PULL for e in picked), ids
        else:
            assert upper == {Pattern.HORIZONTAL_PULL}, (day, ids)
            assert any(e.is_hinge for e in picked), ids


def test_a_beginners_block_holds_the_trap_bar_deadlift() -> None:
    """The beginner's hinge is the trap-bar deadlift (a core lift at their level), never
    a cable pull-through, whatever the seed."""
    for seed in range(8):
        block = blocks.build(
            list(SHIPPED), weeks=4, days=3, goal=None, start=START,
            request=Request(level=Level.BEGINNER, seed=seed), now=NOW,
        )  # fmt: skip
        lower = [m.id for m in block.main_lifts if m.group is Group.LOWER_BACK]
        assert lower == ["trap-bar-deadlift"], (seed, lower)


@settings(max_examples=200)
@given(
    weekdays=WEEKDAY_SETS,
    picks=st.lists(st.tuples(st.integers(0, 30), st.none() | st.integers(1, 9)), max_size=6),
)
def test_any_moves_keep_the_order_and_put_each_session_where_it_was_moved(
    weekdays: set[int], picks: list[tuple[int, int | None]]
) -> None:
    """Moves made one after another on the block as it stands: each session moved is on
    its new day (or the next training day), the order holds, no session is on a day it
    was moved off, and the deloads stay where they were."""
    from dataclasses import replace

    from backplan.training.calendar import checked_move

    chosen = tuple(sorted(weekdays))
    block = _block(6, len(chosen), None, (), Level.INTERMEDIATE, chosen)
    today = START
    for index, ahead in picks:
        schedule = block.schedule(Progress(), today)
        coming = sorted(schedule.dates.values())
        away = coming[index % len(coming)]
        number = next(n for n, d in schedule.dates.items() if d == away)
        to = None if ahead is None else away + timedelta(days=ahead)
        try:
            move = checked_move(block.calendar, schedule, away, to, today)
        except BackplanError:
            continue
        block = replace(block, moves=(*block.moves, move))
        after = block.schedule(Progress(), today)
        dates = after.dates_in_order(len(block.sessions))
        assert all(a < b for a, b in pairwise(dates))
        assert away not in dates
        expected = to or block.calendar.next_open(away + timedelta(days=1))
        earlier = {m.away: m for m in block.moves[:-1]}
        while expected in earlier:  # a day given up before: its move takes it on
            m = earlier.pop(expected)
            expected = m.to or block.calendar.next_open(expected + timedelta(days=1))
        assert after.dates[number] == expected, (away, to, after.dates[number])
        assert not after.missed


BAR_AND_PULL_UP_BAR = frozenset({"barbell", "pull-up-bar", "plate", "belt", "rack", "bench"})


@settings(max_examples=30, deadline=None)
@given(
    seed=st.integers(0, 2**31),
    level=st.sampled_from([Level.INTERMEDIATE, Level.ADVANCED]),
    days=st.integers(2, 5),
    everything=st.booleans(),
)
def test_a_trained_lifter_with_a_bar_holds_the_free_weight_core_lifts(
    seed: int, level: Level, days: int, everything: bool
) -> None:
    """Past the beginner, with a bar and a pull-up bar (and whatever else), the block's
    main lifts are the pull-up family, a free-weight hinge and the barbell row: no machine."""
    gear = None if everything else BAR_AND_PULL_UP_BAR
    block = blocks.build(
        list(SHIPPED), weeks=4, days=days, goal=None, start=START,
        request=Request(level=level, seed=seed, equipment=gear), now=NOW,
    )  # fmt: skip
    by_id = {e.id: e for e in SHIPPED}
    mains = {m.group: by_id[m.id] for m in block.main_lifts}
    assert not any(mainlifts.machine(e) for e in mains.values()), block.main_lifts
    assert mains[Group.LATS].family_name == "pull-up"
    assert mains[Group.UPPER_BACK].id == "barbell-bent-over-row"
    assert mains[Group.LOWER_BACK].is_hinge


@pytest.mark.parametrize(
    ("equipment", "banned", "logged", "lats"),
    [
        (frozenset({"barbell", "cable"}), frozenset(), {}, "lat-pulldown"),  # no pull-up bar
        (None, frozenset({"pull-up", "chin-up", "weighted-pull-up", "weighted-chin-up"}), {},
         "lat-pulldown"),
        (None, frozenset(), {"lat-pulldown": 40}, "lat-pulldown"),  # your staple
        (None, frozenset(), {}, "weighted-pull-up|weighted-chin-up"),
    ],
)  # fmt: skip
def test_machines_lead_when_the_equipment_a_ban_or_the_history_says_so(
    equipment: frozenset[str] | None, banned: frozenset[str], logged: dict[str, int], lats: str
) -> None:
    block = blocks.build(
        list(SHIPPED), weeks=4, days=3, goal=Goal.STRENGTH, start=START, logged=logged,
        request=Request(seed=1, equipment=equipment, banned=banned), now=NOW,
    )  # fmt: skip
    held = [m.id for m in block.main_lifts if m.group is Group.LATS]
    assert held[0] in lats.split("|"), held


def test_five_days_are_never_seventeen_minute_days(monkeypatch: pytest.MonkeyPatch) -> None:
    """A 5-day block's loading days each hold a session's minimum with 2 sets a main lift,
    or the block trains fewer days and says so."""
    from tests.helpers import ok

    for level in Level:
        block = blocks.build(
            list(SHIPPED), weeks=4, days=5, goal=None, start=START,
            request=Request(level=level, seed=3), now=NOW,
        )  # fmt: skip
        for day in block.sessions:
            if not day.deload:
                assert sum(n for _, n in day.sets) >= blocks.SESSION_MINIMUM[level], day
                assert all(n >= MIN_SETS for _, n in day.sets), day
    monkeypatch.setenv("BACKPLAN_NOW", "2026-11-30T09:00:00+00:00")
    said = ok("program", "new", "--days", "5", "--group", "lats", "--group", "upper-back",
              "--level", "beginner", "--seed", "1").stdout  # fmt: skip
    assert "5 days a week would make days of under 6 hard sets" in " ".join(said.split())
