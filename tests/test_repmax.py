"""Rep maxes in `progress`: the heaviest load for at least 1, 3, 5, 8, 10 and 12 reps."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from backplan.training.loads import SetDone
from backplan.training.progress import Logged
from backplan.training.repmax import REPS, rep_maxes
from tests.helpers import ok, run_json
from tests.test_progress import logged_weeks


def test_progress_shows_the_heaviest_set_for_each_rep_count(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    logged_weeks(monkeypatch, ["8x60 8x60", "5x70 3x75", "1x90 10x50", "12x45"])
    shown = ok("progress", "barbell-bent-over-row").stdout
    table = shown[shown.index("Rep maxes") :]
    rows = [line.split() for line in table.splitlines()[3:]]
    assert [(r[0], r[1]) for r in rows] == [
        ("1", "90"), ("3", "75"), ("5", "70"), ("8", "60"), ("10", "50"), ("12", "45"),
    ]  # fmt: skip
    assert "1×90 kg" in table
    assert all(len(line) <= 80 for line in shown.splitlines())
    # --json keeps its shape: the table is the terminal's.
    assert set(run_json("progress", "barbell-bent-over-row")) == {"id", "measure", "sessions"}


def test_no_rep_max_without_a_load(monkeypatch: pytest.MonkeyPatch) -> None:
    ok("workout", "--seed", "1")
    ok("log", "pull-up", "8", "9")
    assert "Rep maxes" not in ok("progress", "pull-up").stdout


sets = st.lists(
    st.tuples(st.integers(1, 20), st.sampled_from([None, 20.0, 42.5, 60.0, 100.0, 140.0])),
    min_size=1,
    max_size=12,
)


@given(st.lists(sets, min_size=1, max_size=6))
def test_a_rep_max_is_the_heaviest_set_of_at_least_its_reps(
    sessions: list[list[tuple[int, float | None]]],
) -> None:
    start = datetime(2026, 1, 5, tzinfo=timezone.utc)
    logged = [
        Logged(i + 1, start + timedelta(days=i), [SetDone(r, w, "kg") for r, w in day])
        for i, day in enumerate(sessions)
    ]
    found = rep_maxes(logged, "kg")
    assert [m.reps for m in found] == list(REPS)
    every = [s for day in logged for s in day.sets if s.weight]
    for m in found:
        enough = [s.weight for s in every if s.reps >= m.reps and s.weight]
        if not enough:
            assert m.best is None
            continue
        assert m.best is not None
        assert m.best.reps >= m.reps
        assert m.load("kg") == max(enough)
    loads = [m.load("kg") for m in found if m.best is not None]
    assert loads == sorted(loads, reverse=True)  # more reps never more load
