"""`backplan progress` and the Markdown views of a workout."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import ok, run, run_json


def logged_weeks(monkeypatch: pytest.MonkeyPatch, loads: list[str]) -> None:
    for week, sets in enumerate(loads):
        monkeypatch.setenv("BACKPLAN_NOW", f"2026-10-{5 + 7 * week:02d}T18:00:00+00:00")
        ok("workout", "--seed", str(week), "--group", "upper", "--exercises", "1")
        ok("log", "barbell-bent-over-row", *sets.split())


def test_progress_chart_table_and_records(monkeypatch: pytest.MonkeyPatch) -> None:
    logged_weeks(monkeypatch, ["8x60 8x60", "8x62.5", "6x62.5", "10x62.5 9x62.5"])
    shown = ok("progress", "barbell-bent-over-row").stdout
    lines = shown.splitlines()
    assert lines[0] == "Barbell Bent-Over Row: estimated 1RM (kg), 4 sessions"
    assert all(len(line) <= 80 for line in lines)
    assert "┤" in shown
    assert "█" in shown
    table = shown[shown.index("When") :]
    # Sets logged without an effort count at the one prescribed (2 RIR), as loads do.
    assert "#4  10×62.5 kg  87.5  PR" in table
    assert "#3  6×62.5 kg   79.2\n" in table  # no record: 79.2 < 83.3
    data = run_json("progress", "barbell-bent-over-row")
    assert data["measure"] == "e1RM"
    assert [s["value"] for s in data["sessions"]] == [80.0, 83.3, 79.2, 87.5]
    assert [s["record"] for s in data["sessions"]] == [False, True, False, True]
    assert data["sessions"][3]["best"] == {
        "reps": 10, "weight": 62.5, "unit": "kg", "dose": "reps", "rir": None,
        "kind": "work", "note": None, "rest": None,
    }  # fmt: skip


def test_progress_of_bodyweight_reps_and_of_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    ok("workout", "--seed", "1")
    assert "Nothing logged of Pull-Up yet" in ok("progress", "pull-up").stdout
    ok("log", "pull-up", "8", "9")
    data = run_json("progress", "pull-up")
    assert (data["measure"], data["sessions"][0]["value"]) == ("reps", 9.0)
    assert run("progress", "pul-up").exit_code == 2


def test_a_workout_as_markdown(backplan_env: Path) -> None:
    planned = run_json("workout", "--seed", "4")
    md = ok("history", "show", "1", "--format", "md").stdout
    assert md.startswith("# Workout #1: lats, upper back, lower back\n")
    assert "| # | Exercise | Target | Effort | Rest | Load |" in md
    for e in planned["exercises"]:
        assert f"**{e['name']}**" in md
    ok("log", planned["exercises"][0]["id"], "8x40")
    assert "## Logged (volume 320 kg)" in ok("history", "show", "1", "-f", "md").stdout
    preview = ok("workout", "--seed", "4", "--no-save", "--new", "--format", "md").stdout
    assert preview.startswith("# Workout (preview)")
    for args, message in ((("--format", "pdf"), "Choose table or md"),
                          (("--format", "md", "--json"), "not both")):  # fmt: skip
        result = run("history", "show", "1", *args)
        assert result.exit_code == 2
        assert message in result.stderr


def test_a_familys_record_is_shown_once_under_the_lift_that_set_it() -> None:
    """One weighted chin-up record, read through the family's one curve, is not listed
    again under the pull-up, the negative and the assisted machine."""
    from datetime import date, datetime, timezone

    from backplan.catalogue.model import Goal, Group, Level
    from backplan.training.loads import SetDone
    from backplan.training.program import Day, MainLift, Program, Progress
    from backplan.training.progress import Logged, points
    from backplan.training.review import review

    monday = datetime(2026, 10, 5, 18, tzinfo=timezone.utc)
    days = tuple(
        Day(n, 1, n, date(2026, 10, 4 + n), Goal.STRENGTH, ((Group.LATS, 1),), ((Group.LATS, 3),))
        for n in (1, 2)
    )
    block = Program(
        monday, date(2026, 10, 5), 1, 2, None, Level.INTERMEDIATE, (), None, 1,
        (MainLift(Group.LATS, "weighted-chin-up", "Weighted Chin-Up", frozenset(Goal)),), days,
    )  # fmt: skip
    family = points(
        [
            Logged(1, monday.replace(day=1), [SetDone(8, 80, "kg")], "pull-up"),
            Logged(2, monday, [SetDone(6, 90, "kg")], "weighted-chin-up"),
            Logged(3, monday.replace(day=7), [SetDone(10, 50, "kg")], "assisted-pull-up"),
        ],
        "kg",
    )
    names = {
        "pull-up": "Pull-Up",
        "weighted-chin-up": "Weighted Chin-Up",
        "assisted-pull-up": "Assisted Pull-Up Machine",
    }
    found = review(
        block, Progress({1: 2, 2: 3}), [], dict.fromkeys(names, family), names,
        {"weighted-chin-up": 1},
    )  # fmt: skip
    assert [r.name for r in found.records] == ["Weighted Chin-Up"]
    assert [(s.name, s.times) for s in found.stalls] == [("Weighted Chin-Up", 1)]
