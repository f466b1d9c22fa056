"""Supersets by rule, over random catalogues and requests and the shipped catalogue:
never two hinges together, never a trunk drill before the session's hinge or an
unsupported row,
never a strength day's main lift paired, a grip-heavy lift with a grip-free drill, and
a paired session never estimated longer than the same session unpaired."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from backplan.catalogue.model import Exercise, Goal, Group
from backplan.errors import BackplanError
from backplan.training.candidates import Request
from backplan.training.model import Recency, Workout
from backplan.training.order import MAIN_TIER, tier
from backplan.training.planner import plan
from backplan.training.supersets import grip_free, holds_the_spine, pair, tires_trunk
from tests.helpers import run_json
from tests.test_planner import NOW, SHIPPED, exercises, requests

BY_ID = {e.id: e for e in SHIPPED}


def _check(workout: Workout, by_id: dict[str, Exercise]) -> None:
    hinge = next((n for n, e in enumerate(workout.exercises) if by_id[e.id].is_hinge), None)
    for members in workout.rounds():
        if len(members) == 1:
            continue
        assert len(members) == 2, members
        first, second = (by_id[m.id] for m in members)
        assert not grip_free(first)
        assert grip_free(second)
        assert not (first.is_hinge and second.is_hinge)
        if second.group is Group.LOWER_BACK:  # done between the first's sets
            at = workout.exercises.index(members[0])
            assert (hinge is not None and hinge < at) or hinge is None, (hinge, at)
            assert not first.is_hinge
        if tires_trunk(second):  # nothing that needs the erectors fresh comes after it
            at = workout.exercises.index(members[0])
            later = [by_id[e.id] for e in workout.exercises[at:]]
            assert not any(holds_the_spine(e) for e in later), [e.id for e in later]
        for e in (first, second):
            assert not (workout.goal is Goal.STRENGTH and (e.main or tier(e) <= MAIN_TIER))
        assert [m.position for m in members] == [members[0].position, members[0].position + 1]


@settings(max_examples=150)
@given(pool=exercises(), request=requests())
def test_pairs_keep_the_rules_and_never_take_longer(pool: list[Exercise], request: Request) -> None:
    by_id = {e.id: e for e in pool}
    try:
        alone = plan(pool, request, Recency(), NOW)
    except BackplanError:
        return
    paired = pair(alone, by_id)
    _check(paired, by_id)
    assert paired.estimated_minutes <= alone.estimated_minutes
    assert sorted(e.id for e in paired.exercises) == sorted(e.id for e in alone.exercises)
    assert [e.position for e in paired.exercises] == list(range(1, len(alone.exercises) + 1))
    # Planned with --supersets: the same rules; with --minutes, within them as before.
    supersets = plan(pool, replace(request, supersets=True), Recency(), NOW)
    _check(supersets, by_id)
    if request.minutes is not None and alone.estimated_minutes <= request.minutes:
        assert supersets.estimated_minutes <= request.minutes


def test_a_whole_back_session_in_35_minutes_with_every_group_paired_by_rule() -> None:
    by_id = {e.id: e for e in SHIPPED}
    for seed in range(40):
        request = Request(minutes=35, seed=seed, supersets=True)
        workout = plan(list(SHIPPED), request, Recency(), NOW)
        assert workout.estimated_minutes <= 35, seed
        assert {e.group for e in workout.exercises} == set(Group), seed
        assert any(e.superset for e in workout.exercises), seed
        _check(workout, by_id)


@given(seed=st.integers(0, 2**31), goal=st.sampled_from(list(Goal)))
def test_on_the_shipped_catalogue_pairs_save_time_and_say_so(seed: int, goal: Goal) -> None:
    by_id = {e.id: e for e in SHIPPED}
    alone = plan(list(SHIPPED), Request(seed=seed, goal=goal), Recency(), NOW)
    paired = pair(alone, by_id)
    _check(paired, by_id)
    if any(e.superset for e in paired.exercises):
        saved = alone.estimated_minutes - paired.estimated_minutes
        assert any(f"about {saved} min saved" in note for note in paired.notes)


def test_swap_keeps_a_pair_or_undoes_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BACKPLAN_NOW", "2026-11-30T18:00:00+01:00")
    planned = run_json("workout", "--supersets", "--seed", "3")
    drill = next(e for e in planned["exercises"] if e["superset"] and
                 grip_free(BY_ID[e["id"]]))  # fmt: skip
    swapped = run_json("swap", drill["id"], "--json")
    fresh = next(e for e in swapped["exercises"] if e["position"] == drill["position"])
    assert fresh["id"] != drill["id"]
    assert fresh["superset"] == drill["superset"]  # another drill: still a pair
    assert grip_free(BY_ID[fresh["id"]])
    # A grip-heavy lift in the drill's place breaks the rule: both go on their own.
    taken = {e["id"] for e in swapped["exercises"]}
    heavy = next(e.id for e in SHIPPED if e.group is BY_ID[fresh["id"]].group and
                 not grip_free(e) and e.id not in taken and not e.is_hinge)  # fmt: skip
    undone = run_json("swap", fresh["id"], "--to", heavy, "--force", "--json")
    assert not any(e["superset"] == drill["superset"] for e in undone["exercises"])


@pytest.mark.parametrize(
    ("options", "why"),
    [
        (("--goal", "strength", "--group", "upper-back", "--exercises", "2"),
         "a strength day's main lifts keep their full rest"),
        (("--group", "lats", "--exercises", "3", "--equipment", "cable"),
         "no grip-free drill"),
    ],
)  # fmt: skip
def test_supersets_that_cannot_pair_say_why(options: tuple[str, ...], why: str) -> None:
    planned = run_json("workout", "--supersets", "--no-save", "--seed", "4", *options)
    assert not any(e["superset"] for e in planned["exercises"])
    note = next(n for n in planned["notes"] if n.startswith("No supersets"))
    assert why in note


def test_a_trunk_drill_never_comes_before_a_row_that_needs_the_erectors() -> None:
    """An unsupported row with a plank or a back extension beside it: the drill is not
    done between the row's sets, nor before the hinge."""
    picks = [BY_ID[i] for i in ("pull-up", "barbell-bent-over-row", "back-extension",
                                "side-plank")]  # fmt: skip
    workout = plan(picks, Request(exercises=4), Recency(), NOW)
    paired = pair(workout, BY_ID, asked=True)
    _check(paired, BY_ID)
    rounds = [[m.id for m in r] for r in paired.rounds()]
    assert ["barbell-bent-over-row", "back-extension"] not in rounds
    assert ["barbell-bent-over-row", "side-plank"] not in rounds
