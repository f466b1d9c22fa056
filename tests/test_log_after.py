"""`log` after the fact: sets put on their day (`--date`, `--on`), a latest workout from
another day refused off a terminal with the command that would do it, a mistaken set or
exercise taken out (`--remove`), and input that used to crash: one line, exit 2."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from backplan.store import migrations
from tests.helpers import ok, run, run_json

TUESDAY = "2026-11-24T18:00:00+01:00"
FRIDAY = "2026-11-27T18:00:00+01:00"


@pytest.fixture
def tuesday(backplan_env: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Tuesday's lats workout with pull-ups logged; the clock on Friday."""
    monkeypatch.setenv("BACKPLAN_NOW", TUESDAY)
    ok("workout", "--seed", "1", "--group", "lats")
    ok("log", "pull-up", "8", "8", "8")
    monkeypatch.setenv("BACKPLAN_NOW", FRIDAY)
    return backplan_env / migrations.FILE_NAME


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _sets(workout: int, exercise: str) -> list[tuple[int, float | None]]:
    shown = run_json("history", "show", str(workout))
    found = next((e for e in shown["exercises"] if e["id"] == exercise), None)
    return [(s["reps"], s["weight"]) for s in found["sets_logged"]] if found else []


def test_a_latest_workout_from_another_day_is_refused_with_the_command(tuesday: Path) -> None:
    before = _digest(tuesday)
    result = run("log", "conventional-deadlift", "5x150", "5x150@8")
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1, result.stderr
    assert "is from Tue 24 Nov 2026" in result.stderr
    assert "backplan log conventional-deadlift 5x150 5x150@8 --date 2026-11-24" in result.stderr
    assert "backplan log conventional-deadlift 5x150 5x150@8 --date today" in result.stderr
    assert _digest(tuesday) == before  # nothing logged, nothing made
    assert len(run_json("history")) == 1


def test_date_puts_the_sets_into_that_days_workout(tuesday: Path) -> None:
    ok("log", "conventional-deadlift", "5x150", "5x150", "--date", "2026-11-24")
    assert _sets(1, "conventional-deadlift") == [(5, 150.0), (5, 150.0)]
    # A weekday is the last one; --on is the same option.
    ok("log", "barbell-bent-over-row", "8x60", "--on", "tuesday")
    assert _sets(1, "barbell-bent-over-row") == [(8, 60.0)]
    assert len(run_json("history")) == 1


def test_date_makes_a_workout_for_a_day_without_one(tuesday: Path) -> None:
    ok("log", "conventional-deadlift", "5x150", "--date", "2026-11-26")
    workouts = run_json("history")
    assert len(workouts) == 2
    made = next(w for w in workouts if w["id"] != 1)
    assert made["created"].startswith("2026-11-26")
    assert _sets(made["id"], "conventional-deadlift") == [(5, 150.0)]
    # Today's: made with today's date, and the next log of today goes there untold.
    ok("log", "barbell-bent-over-row", "8x60", "--date", "today")
    ok("log", "face-pull", "15x20")
    today = run_json("history")[0]
    assert today["created"].startswith("2026-11-27")
    assert _sets(today["id"], "face-pull") == [(15, 20.0)]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--date", "2026-11-28"], "is still to come"),
        (["--date", "someday"], "is not a day"),
        (["--date", "2026-02-30"], "is not a day"),
        (["--date", "today", "--workout", "1"], "not both"),
    ],
)
def test_a_bad_date_is_one_line_and_changes_nothing(
    tuesday: Path, args: list[str], message: str
) -> None:
    before = _digest(tuesday)
    result = run("log", "conventional-deadlift", "5x150", *args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert result.stderr.count("\n") == 1, result.stderr
    assert _digest(tuesday) == before


def test_a_set_refused_leaves_no_empty_workout_for_the_day(tuesday: Path) -> None:
    before = _digest(tuesday)
    result = run("log", "conventional-deadlift", "8", "--date", "2026-11-26")
    assert result.exit_code == 2  # 8 at what weight? refused off a terminal
    assert _digest(tuesday) == before
    assert len(run_json("history")) == 1


def test_remove_a_set_says_which_and_the_rest_move_up(tuesday: Path) -> None:
    ok("log", "pull-up", "6x+10", "--add", "--workout", "1")
    result = ok("log", "pull-up", "--remove", "--set", "2", "--workout", "1")
    assert "Removed set 2 of Pull-Up (8 reps) from workout #1; 3 sets left." in result.stdout
    assert _sets(1, "pull-up") == [(8, None), (8, None), (6, 10.0)]
    shown = ok("log", "pull-up", "--remove", "--set", "3", "--date", "2026-11-24").stdout
    assert "(6 × +10 kg)" in shown  # a belt said as a belt
    assert _sets(1, "pull-up") == [(8, None), (8, None)]


def test_remove_an_exercise_and_the_export_keeps_nothing_of_it(tuesday: Path) -> None:
    ok("log", "dumbbell-row", "15x32", "--note", "was a face pull", "--workout", "1")
    result = ok("log", "dumbbell-row", "--remove", "--workout", "1")
    assert "Removed One-Arm Dumbbell Row from workout #1, with its 1 set: 15×32 kg." in (
        result.stdout
    )
    exported = ok("export").stdout
    assert "dumbbell-row" not in exported
    assert "was a face pull" not in exported
    positions = [e["position"] for e in json.loads(exported)["workouts"][0]["exercises"]]
    assert positions == list(range(1, len(positions) + 1))


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["pull-up", "--remove", "--set", "9", "--workout", "1"], "has no set 9 of pull-up"),
        (["row-of-nothing", "--remove", "--workout", "1"], "has no row-of-nothing"),
        (["pull-up", "--set", "1", "--workout", "1"], "--set N goes with --remove"),
        (["pull-up", "8", "--remove", "--workout", "1"], "give it without sets"),
        (["pull-up", "--remove"], "--date 2026-11-24"),  # Friday: which workout is meant?
        (["pull-up", "--remove", "--date", "2026-11-25"], "No workout on Wed 25 Nov 2026"),
    ],
)
def test_a_bad_remove_is_one_line_and_changes_nothing(
    tuesday: Path, args: list[str], message: str
) -> None:
    before = _digest(tuesday)
    result = run("log", *args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert result.stderr.count("\n") == 1, result.stderr
    assert _digest(tuesday) == before


@pytest.mark.parametrize(
    "args",
    [
        ["log", "pull-up", "8", "--note", "\udc9b", "--workout", "1"],
        ["log", "--workout-note", "ok \udc9b", "--workout", "1"],
        ["log", "pull-up", "--note", "\udc9b", "--workout", "1"],
    ],
    ids=["note", "workout-note", "note-only"],
)
def test_a_note_with_a_byte_that_is_not_utf8_is_refused(tuesday: Path, args: list[str]) -> None:
    """`$'\\x9b'` on a command line reaches Python as the surrogate U+DC9B."""
    before = _digest(tuesday)
    result = run(*args)
    assert result.exit_code == 2
    assert "a byte that is not UTF-8 (0x9B)" in result.stderr
    assert result.stderr.count("\n") == 1, result.stderr
    assert _digest(tuesday) == before


def test_a_json_note_with_a_lone_surrogate_is_refused(tuesday: Path, tmp_path: Path) -> None:
    document = json.loads(ok("export").stdout)
    document["workouts"][0]["note"] = "\ud800"
    path = tmp_path / "export.json"
    path.write_text(json.dumps(document), encoding="utf-8")  # escaped as \ud800
    result = run("import", str(path))
    assert result.exit_code == 2
    assert "a lone surrogate U+D800" in result.stderr


@pytest.mark.parametrize(
    ("args", "typed"),
    [(["weigh", "-1"], "-1"), (["weigh", "-80kg"], "-80kg"), (["log", "pull-up", "-3"], "-3")],
)
def test_a_negative_number_is_said_as_one(tuesday: Path, args: list[str], typed: str) -> None:
    before = _digest(tuesday)
    result = run(*args)
    assert result.exit_code == 2
    assert f"{typed} is a negative number" in result.stderr
    assert "No such option" not in result.stderr
    assert _digest(tuesday) == before


def test_back_minus_one_is_said_clearly(tuesday: Path) -> None:
    result = run("log", "--back", "-1", "--workout", "1")
    assert result.exit_code == 2
    assert "--back: must be from 0 to 10, not -1" in result.stderr
