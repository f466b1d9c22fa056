"""Bodyweight is part of the load: the load moved for the moves that lift your body, belts
from the training max where the catalogue says one fits, reps everywhere else."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from backplan import catalogue, paths
from backplan.catalogue.model import Goal, LoadKind
from backplan.training import strength
from backplan.training.bodyweight import Bodyweights, WeighIn
from backplan.training.external import Target
from backplan.training.loads import Session, SetDone
from backplan.training.moved import moved_sessions
from backplan.training.progression import suggest
from tests.helpers import ok, run_json

SHIPPED = catalogue.load(paths.shipped_catalogue())
TODAY = date(2026, 11, 30)
STRENGTH = Target(5, 8, Goal.STRENGTH, 2)
HYPERTROPHY = Target(6, 12, Goal.HYPERTROPHY, 2)


def weighed(kg: float, *days_ago: int) -> Bodyweights:
    return Bodyweights(tuple(WeighIn(TODAY - timedelta(days=d), kg, "kg") for d in days_ago))


def sessions_of(*sets: tuple[int, float | None], low: int = 5, high: int = 8) -> list[Session]:
    """One session a week back from today, newest first: 4 sets of each (reps, added)."""
    return [
        Session(low, high, (SetDone(reps, added, "kg"),) * 4, 2, day=TODAY - timedelta(7 * (n + 1)))
        for n, (reps, added) in enumerate(sets)
    ]


def test_the_load_moved_counts_the_bodyweight_of_the_day() -> None:
    body = Bodyweights(
        (WeighIn(date(2026, 11, 1), 80, "kg"), WeighIn(date(2026, 11, 20), 84, "kg"))
    )
    assert body.on(date(2026, 11, 1), "kg").weight == 80  # type: ignore[union-attr]
    assert body.on(date(2026, 11, 21), "kg").source == "weighed 20 Nov 2026"  # type: ignore[union-attr]
    assert body.on(date(2026, 10, 1), "kg").weight == 80  # type: ignore[union-attr]  # the nearest
    week = Bodyweights(tuple(WeighIn(date(2026, 11, d), w, "kg") for d, w in ((9, 80), (11, 82))))
    around = week.on(date(2026, 11, 10), "kg")
    assert around is not None
    assert (around.weight, around.source) == (81, "7-day average")
    assert Bodyweights(()).on(TODAY, "kg") is None
    pull_up = SHIPPED.get("pull-up")
    moved = moved_sessions(sessions_of((8, 5.0)), pull_up, weighed(81, 0), "kg", TODAY)
    assert {s.weight for s in moved[0].sets} == {86}
    helped = moved_sessions(
        sessions_of((8, 30.0)), SHIPPED.get("assisted-pull-up-machine"), weighed(81, 0), "kg", TODAY
    )
    assert {s.weight for s in helped[0].sets} == {51}  # bodyweight - assistance


def test_81_kg_and_8_reps_with_5_kg_is_an_e1rm_near_113(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BACKPLAN_NOW", "2026-11-02T18:00:00+00:00")
    ok("weigh", "81")
    ok("workout", "--seed", "1", "--goal", "strength")
    ok("log", "pull-up", "8x+5", "8x+5", "8x+5", "8x+5")
    data = run_json("progress", "pull-up")
    value = data["sessions"][0]["value"]
    assert 108 <= value <= 116  # 86 kg moved x (1 + (8 reps + the RIR prescribed) / 30)
    assert data["sessions"][0]["best"]["weight"] == 86
    shown = ok("progress", "pull-up").stdout
    assert "estimated 1RM of the load moved (kg)" in shown
    assert "8×86 kg" in shown


def test_without_a_bodyweight_pull_ups_chart_reps(monkeypatch: pytest.MonkeyPatch) -> None:
    ok("workout", "--seed", "1")
    ok("log", "pull-up", "8", "9")
    data = run_json("progress", "pull-up")
    assert (data["measure"], data["sessions"][-1]["value"]) == ("reps", 9.0)
    assert "backplan weigh KG" in ok("progress", "pull-up").stdout
    assert "backplan weigh" not in ok("progress", "barbell-bent-over-row").stdout


def test_a_belt_on_a_strength_day_stays_in_its_range() -> None:
    pull_up = SHIPPED.get("pull-up")
    body = weighed(81, 0, 2, 4)
    load = suggest(sessions_of((8, 5.0), (8, 5.0)), pull_up, "kg", STRENGTH, body=body, today=TODAY)
    assert load is not None
    assert (load.weight, load.change, load.added, load.reps) == (7.5, "up", True, None)
    assert "bodyweight 81 kg" in load.reason
    assert str(load) == "+7.5 kg ↑"
    # Bodyweight alone topped twice: the first belt is one step, the smallest that fits.
    first = suggest(
        sessions_of((8, None), (8, None)), pull_up, "kg", STRENGTH, body=body, today=TODAY
    )
    assert first is not None
    assert (first.weight, first.added) == (2.5, True)


@given(
    bodyweight=st.integers(min_value=50, max_value=150),
    belts=st.lists(st.sampled_from([None, 2.5, 5.0, 10.0, 20.0]), min_size=1, max_size=4),
    reps=st.lists(st.integers(min_value=1, max_value=12), min_size=4, max_size=4),
)
def test_a_belt_leaves_the_range_reachable(
    bodyweight: int, belts: list[float | None], reps: list[int]
) -> None:
    """After a session in the range, a belt for a 5-8 day leaves at least 5 reps at its
    effort by the training max; after one short of it, the belt never goes up (a bad
    day repeats the load, as for any lift). Sets of up to 12 reps: past that the
    estimate rises a step at most, on purpose."""
    pull_up = SHIPPED.get("pull-up")
    body = weighed(bodyweight, 0)
    sessions = sessions_of(*[(r, b) for r, b in zip(reps, belts, strict=False)])
    load = suggest(sessions, pull_up, "kg", STRENGTH, body=body, today=TODAY)
    assert load is not None
    if load.reps is not None:
        assert load.reps <= STRENGTH.reps_max + 2  # bodyweight alone: a rep a set at most
    if not load.weight:
        return
    assert load.added
    if strength.short(sessions[0]):
        assert load.weight <= (sessions[0].sets[0].weight or 0)
        return
    moved = moved_sessions(sessions, pull_up, body, "kg", TODAY)
    tm = strength.training_max(moved, "kg", 2.5)
    assert tm is not None
    assert strength.reps_at(tm.e1rm, bodyweight + load.weight, 2) >= STRENGTH.reps_min


def test_strength_days_of_bodyweight_pull_ups_carry_to_a_hypertrophy_day() -> None:
    """4 x 8 on a 5-8 day is not 12 on a 6-12 day: the next one asks what those sets
    leave at its effort, with or without a bodyweight, and no harder variant yet."""
    pull_up = SHIPPED.get("pull-up")
    strength_days = sessions_of((8, None), (8, None))
    for body in (None, weighed(81, 0)):
        load = suggest(strength_days, pull_up, "kg", HYPERTROPHY, body=body, today=TODAY)
        assert load is not None
        assert load.variant is None
        assert load.weight is None
        assert load.reps is not None
        assert HYPERTROPHY.reps_min <= load.reps <= HYPERTROPHY.reps_max


@pytest.mark.parametrize("ident", ["superman", "back-extension", "inverted-row", "bird-dog"])
def test_no_belt_where_none_fits(ident: str) -> None:
    exercise = SHIPPED.get(ident)
    topped = sessions_of((8, None), (8, None))
    for body in (None, weighed(81, 0)):
        load = suggest(topped, exercise, "kg", STRENGTH, body=body, today=TODAY)
        assert load is not None
        assert "belt" not in load.reason
        assert load.weight is None
        assert load.variant == exercise.harder or load.reps is not None


def test_the_bar_you_lie_under_is_never_the_load() -> None:
    """An inverted row logged with the bar's 20 kg still goes by reps."""
    inverted = SHIPPED.get("inverted-row")
    for sets in (((8, 20.0),), ((8, 20.0), (8, 20.0)), ((4, 20.0), (4, 20.0))):
        load = suggest(sessions_of(*sets), inverted, "kg", STRENGTH)
        assert load is not None
        assert load.weight is None


def test_no_bodyweight_exercise_is_told_to_add_a_belt_unless_the_catalogue_says_so() -> None:
    topped = sessions_of((8, None), (8, None))
    for exercise in SHIPPED.exercises:
        if exercise.load_kind is not LoadKind.BODYWEIGHT or exercise.dose.value != "reps":
            continue
        load = suggest(topped, exercise, "kg", STRENGTH)
        assert load is not None
        assert ("belt" in load.reason) == exercise.belt, exercise.id


def test_a_belt_without_a_bodyweight_says_how_to_weigh() -> None:
    load = suggest(sessions_of((8, None), (8, None)), SHIPPED.get("pull-up"), "kg", STRENGTH)
    assert load is not None
    assert load.weight == 2.5
    assert "backplan weigh" in load.reason
    belted = suggest(sessions_of((8, 5.0), (8, 5.0)), SHIPPED.get("pull-up"), "kg", STRENGTH)
    assert belted is not None
    assert (belted.weight, belted.change) == (7.5, "up")  # never read as assistance


def test_a_weighted_pull_up_follows_the_load_moved() -> None:
    weighted = SHIPPED.get("weighted-pull-up")
    sessions = sessions_of((8, 5.0), (8, 5.0))
    plain = suggest(sessions, weighted, "kg", STRENGTH)
    moved = suggest(sessions, weighted, "kg", STRENGTH, body=weighed(81, 0), today=TODAY)
    assert plain is not None
    assert moved is not None
    assert moved.weight == 7.5  # one step on 86 kg moved; not "5 kg x 10" reps first
    assert moved.reps is None


def test_progress_draws_the_family_as_one_curve(monkeypatch: pytest.MonkeyPatch) -> None:
    for week, (ident, sets) in enumerate(
        [("negative-pull-up", "5 5 5"), ("pull-up", "6 6 5"), ("pull-up", "8x+2.5 8x+2.5")]
    ):
        monkeypatch.setenv("BACKPLAN_NOW", f"2026-11-{2 + 7 * week:02d}T18:00:00+00:00")
        ok("weigh", "80")
        ok("workout", "--seed", str(week), "--new")
        ok("log", ident, *sets.split())
    data = run_json("progress", "pull-up")
    assert [s["exercise"] for s in data["sessions"]] == ["negative-pull-up", "pull-up", "pull-up"]
    assert [s["best"]["weight"] for s in data["sessions"]] == [80, 80, 82.5]
    monkeypatch.setenv("COLUMNS", "80")
    shown = ok("progress", "pull-up").stdout
    assert "Pull-Up and its family" in shown
    assert "▲" in shown
    assert "Negative Pull-Up" in shown
    monkeypatch.setenv("COLUMNS", "50")
    narrow = ok("progress", "pull-up").stdout
    assert all(len(line) <= 50 for line in narrow.splitlines())
