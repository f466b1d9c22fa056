"""`backplan workout` and `backplan history`, in-process."""

from __future__ import annotations

import itertools
import json
from datetime import datetime
from pathlib import Path

import pytest

from backplan.store import migrations
from tests.helpers import entry, ok, run, run_json, write_catalogue

WORKOUT_KEYS = [
    "id",
    "created",
    "goal",
    "level",
    "groups",
    "estimated_minutes",
    "minutes_taken",
    "notes",
    "exercises",
    "program",
]
EXERCISE_KEYS = [
    "position",
    "id",
    "name",
    "group",
    "mechanic",
    "pattern",
    "sets",
    "reps_min",
    "reps_max",
    "rest_seconds",
    "reason",
    "load",
    "dose",
    "sides",
    "load_type",
    "rir_min",
    "rir_max",
    "warmup",
    "secondary",
    "note",
    "superset",
]


def test_workout_prints_and_saves() -> None:
    out = ok("workout", "--seed", "4").stdout
    assert "Workout #1 · whole back · hypertrophy · intermediate · " in out
    assert "Focus" in out
    listed = run_json("history")
    assert len(listed) == 1
    assert len(listed[0]["exercises"]) == 6


def test_workout_json_document() -> None:
    planned = run_json("workout", "--seed", "4")
    assert list(planned) == WORKOUT_KEYS
    assert planned["id"] == 1
    assert datetime.fromisoformat(planned["created"]).utcoffset() is not None
    assert planned["groups"] == ["lats", "upper-back", "lower-back"]
    for position, exercise in enumerate(planned["exercises"], start=1):
        assert list(exercise) == EXERCISE_KEYS
        assert exercise["position"] == position


def test_no_save_leaves_history_untouched(backplan_env: Path) -> None:
    planned = run_json("workout", "--no-save")
    assert planned["id"] is None
    assert not (backplan_env / migrations.FILE_NAME).exists()
    ok("workout")
    before = run_json("history")
    run_json("workout", "--no-save")
    assert run_json("history") == before


def test_same_seed_same_workout() -> None:
    first = run_json("workout", "--no-save", "--seed", "42")
    second = run_json("workout", "--no-save", "--seed", "42")
    assert first["exercises"] == second["exercises"]


def test_twelve_workouts_in_a_row_are_varied() -> None:
    sessions = []
    for _ in range(12):
        sessions.append(run_json("workout"))
        first = next(e["id"] for e in sessions[-1]["exercises"] if e["dose"] == "reps")
        ok("log", first, "8x0")  # logged, so the next plan is a new session
    for before, after in itertools.pairwise(sessions):
        assert not {e["id"] for e in before["exercises"]} & {e["id"] for e in after["exercises"]}
    assert [w["id"] for w in run_json("history", "--last", "12")] == list(range(12, 0, -1))
    seen = {e["id"] for w in sessions for e in w["exercises"]}
    # Level is a ceiling: the core lifts lead, and the rest rotate; over 12 sessions
    # every core lift and most of the rest turn up.
    listed = [e for e in run_json("list") if e["level"] != "advanced" and e["role"] == "work"]
    assert {e["id"] for e in listed if e["main"]} <= seen
    assert len(seen) >= 0.6 * len(listed)


def test_options_shape_the_session() -> None:
    planned = run_json(
        "workout",
        "--group",
        "lats",
        "-g",
        "upper",
        "--exercises",
        "4",
        "--goal",
        "strength",
        "--level",
        "beginner",
        "--equipment",
        "dumbbell,bench,pull-up-bar",
    )
    assert planned["goal"] == "strength"
    assert planned["level"] == "beginner"
    assert planned["groups"] == ["lats", "upper-back"]
    assert len(planned["exercises"]) == 4
    assert {e["group"] for e in planned["exercises"]} == {"lats", "upper-back"}


@pytest.mark.parametrize(("alias", "goal"), [("size", "hypertrophy"), ("TONE", "endurance")])
def test_goal_aliases(alias: str, goal: str) -> None:
    assert run_json("workout", "--no-save", "--goal", alias)["goal"] == goal


def test_minutes_fit_the_estimate() -> None:
    planned = run_json("workout", "--no-save", "--minutes", "30")
    assert planned["estimated_minutes"] <= 30
    assert len(planned["exercises"]) >= 1


def test_too_few_exercises_are_planned_with_a_note(tmp_path: Path) -> None:
    path = write_catalogue(tmp_path / "c.yaml", [entry("a"), entry("b", "upper-back")])
    planned = run_json("workout", "--catalog", str(path))
    assert len(planned["exercises"]) == 2
    assert any("Only 2 exercises fit your filters" in note for note in planned["notes"])


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--exercises", "4", "--minutes", "30"], "not both"),
        (["--exercises", "13"], "--exercises: must be from 1 to 12, not 13."),
        (["--exercises", "0"], "--exercises: must be from 1 to 12, not 0."),
        (["--minutes", "0"], "--minutes: must be from 1 to 1,440, not 0."),
        (["--goal", "bulk"], "Unknown goal 'bulk'"),
        (["--goal", "strenght"], "did you mean 'strength'?"),
        (["--level", "pro"], "Unknown level 'pro'"),
        (["--group", "chest"], "Unknown group 'chest'"),
        (["--equipment", "smith"], "Unknown equipment 'smith'"),
        (
            ["--group", "lats", "--equipment", "medicine-ball"],
            "name more of what you have with --equipment",
        ),
        (["--seed", "abc"], "--seed: 'abc' is not a whole number."),
    ],
)
def test_bad_workout_options(args: list[str], message: str, backplan_env: Path) -> None:
    result = run("workout", *args)
    assert result.exit_code == 2, result.stdout
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert result.stdout == ""
    assert not (backplan_env / migrations.FILE_NAME).exists() or run_json("history") == []


def test_workout_output_fits_80_columns() -> None:
    for args in ([], ["--exercises", "12", "--goal", "strength"], ["--group", "lower"]):
        out = ok("workout", *args).stdout
        assert "…" not in out
        assert all(len(line) <= 80 for line in out.splitlines()), out


def test_history_empty() -> None:
    assert "No workouts yet" in ok("history").stdout
    assert run_json("history") == []


def test_history_table_and_last() -> None:
    for _ in range(3):
        planned = run_json("workout")
        first = next(e["id"] for e in planned["exercises"] if e["dose"] == "reps")
        ok("log", first, "8x0")
    out = ok("history", "--last", "2").stdout
    assert " 3 " in out
    assert " 2 " in out
    assert "history show ID" in out
    assert [w["id"] for w in run_json("history", "--last", "2")] == [3, 2]


def test_history_show() -> None:
    planned = run_json("workout", "--seed", "9")
    shown = run_json("history", "show", "1")
    for exercise in shown["exercises"]:
        assert exercise.pop("sets_logged") == []
    # History's document also carries what the lifter brought: none of it yet.
    kept = {key: shown.pop(key) for key in ("note", "duration_seconds", "source", "other", "back")}
    assert kept == {"note": None, "duration_seconds": None, "source": None, "other": [],
                    "back": None}  # fmt: skip
    assert shown == planned
    out = ok("history", "show", "1").stdout
    assert "Workout #1" in out
    assert run("history", "show", "7").exit_code == 2


def test_history_delete_asks_first() -> None:
    ok("workout")
    kept = ok("history", "delete", "1", input="n\n")
    assert "Kept it" in kept.stdout
    assert len(run_json("history")) == 1
    ok("history", "delete", "1", input="y\n")
    assert run_json("history") == []


def test_history_delete_yes_and_unknown() -> None:
    ok("workout")
    assert "Deleted workout 1" in ok("history", "delete", "1", "--yes").stdout
    result = run("history", "delete", "1", "--yes")
    assert result.exit_code == 2
    assert "No workout 1" in result.stderr


def test_history_survives_a_changed_catalogue(tmp_path: Path) -> None:
    path = write_catalogue(tmp_path / "c.yaml", [entry("gone-row", "upper-back", name="Gone Row")])
    ok("workout", "--catalog", str(path))
    write_catalogue(path, [entry("new-row", "upper-back")])
    assert "Gone Row" in ok("history", "show", "1").stdout
    assert run_json("history")[0]["exercises"][0]["name"] == "Gone Row"


def test_show_tells_when_you_last_did_it() -> None:
    assert run_json("show", "pull-up")["times_done"] == 0
    assert "never" in ok("show", "pull-up").stdout
    planned = run_json("workout")
    first = planned["exercises"][0]["id"]
    shown = run_json("show", first)
    assert shown["times_done"] == 1
    assert shown["last_done"] == planned["created"]
    assert "today, 1 session in all" in ok("show", first).stdout


@pytest.mark.parametrize(
    "args",
    [
        ["log", "pull-up", "8", "--workout", "99999999999999999999"],
        ["history", "show", "99999999999999999999"],
        ["history", "delete", "99999999999999999999", "--yes"],
        ["swap", "pull-up", "--workout", "99999999999999999999"],
        ["history", "--last", "99999999999999999999"],
        ["workout", "--seed", "-1"],
        ["workout", "--minutes", "99999999999999999999"],
        ["stats", "--weeks", "0"],
    ],
)
def test_huge_and_negative_numbers_are_refused_in_our_words(args: list[str]) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert result.stderr.startswith("error: ")
    assert "must be from" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_no_arguments_prints_help_and_succeeds() -> None:
    result = run()
    assert result.exit_code == 0
    assert "Usage" in result.stdout
    for args in (["-h"], ["workout", "-h"], ["history", "-h"], ["config", "set", "-h"]):
        assert ok(*args).stdout.count("Usage") == 1


def test_help_names_what_each_value_is() -> None:
    for args in (["workout"], ["list"], ["log"], ["config", "set"], ["swap"]):
        text = ok(*args, "--help").stdout
        assert "<str>" not in text
        assert "<bool>" not in text
    assert "beginner, intermediate or advanced" in ok("workout", "--help").stdout
    listing = ok("list", "--help").stdout
    assert "BACKPLAN_CATALOG)" in listing
    assert "one ." not in listing


def test_a_canonical_group_name_is_suggested_and_too_many_minutes_say_so() -> None:
    assert "did you mean 'upper-back'?" in run("list", "-g", "UpperBack").stderr
    planned = run_json("workout", "--minutes", "600", "--no-save")
    assert len(planned["exercises"]) == 6  # the ceiling's 20 hard sets at 3 an exercise
    assert any("the ceilings hold 6 exercises" in n for n in planned["notes"])


def test_an_unlogged_plan_today_is_shown_again_not_doubled() -> None:
    first = run_json("workout")
    again = run("workout", "--json")
    assert again.exit_code == 0
    assert json.loads(again.stdout)["id"] == first["id"]
    assert "shown again" in again.stderr
    assert "shown again" in ok("workout").stdout
    assert len(run_json("history")) == 1
    fresh = run_json("workout", "--new")
    assert fresh["id"] == 2
    assert any("replaces today's unlogged plan #1" in n for n in fresh["notes"])
    assert [w["id"] for w in run_json("history")] == [2]  # the unlogged one never counts
    focused = run_json("workout", "--group", "lats")  # options given: a new plan, too
    assert focused["groups"] == ["lats"]
    assert [w["id"] for w in run_json("history")] == [3]
    assert run_json("workout", "--no-save")["id"] is None  # previews never touch it


def test_today_shows_the_plan_and_what_is_logged() -> None:
    assert "Nothing planned today" in ok("today").stdout
    assert run_json("today") is None
    planned = run_json("workout")
    first = next(e["id"] for e in planned["exercises"] if e["dose"] == "reps")
    ok("log", first, "8x40", "8x40")
    shown = ok("today").stdout
    assert "Logged" in shown
    assert "Still to do:" in shown
    assert first not in shown.split("Still to do:")[1]
    today = run_json("today")
    assert today["id"] == planned["id"]
    assert len(next(e for e in today["exercises"] if e["id"] == first)["sets_logged"]) == 2


def test_a_plan_that_fails_replaces_nothing() -> None:
    first = run_json("workout")
    refused = run("workout", "--group", "lats", "--equipment", "medicine-ball")
    assert refused.exit_code == 2
    assert [w["id"] for w in run_json("history")] == [first["id"]]
    kept = run_json("history", "show", str(first["id"]))["exercises"]
    assert [e["id"] for e in kept] == [e["id"] for e in first["exercises"]]
