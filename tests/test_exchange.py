"""Export and import: a lossless round trip, idempotent imports, refusals that change nothing."""

from __future__ import annotations

import csv
import io
import json
import os
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from backplan import catalogue, paths
from backplan.catalogue.model import Dose
from backplan.store import exchange, history, migrations, streamed
from backplan.training.loads import SET_KINDS, SetDone
from backplan.training.planner import Request, plan
from tests.helpers import ok, run

SHIPPED = list(catalogue.load(paths.shipped_catalogue()).exercises)
START = datetime(2025, 1, 6, 7, 30, tzinfo=timezone(timedelta(hours=1)))

a_set = st.builds(
    SetDone,
    reps=st.integers(min_value=1, max_value=100),
    weight=st.none() | st.integers(min_value=0, max_value=4000).map(lambda q: q / 4),
    unit=st.sampled_from(["kg", "lb"]),
    dose=st.sampled_from(list(Dose)),
    rir=st.none() | st.integers(min_value=0, max_value=20).map(lambda half: half / 2),
    kind=st.sampled_from(SET_KINDS),
    note=st.none() | st.text(max_size=20),
)
a_session = st.fixed_dictionaries(
    {
        "seed": st.integers(min_value=0, max_value=2**31),
        "count": st.integers(min_value=1, max_value=12),
        "gap_hours": st.integers(min_value=1, max_value=24 * 9),
        "logs": st.lists(st.lists(a_set, min_size=1, max_size=5), max_size=4),
    }
)
a_history = st.fixed_dictionaries(
    {
        "sessions": st.lists(a_session, max_size=6),
        "marks": st.dictionaries(
            st.sampled_from([e.id for e in SHIPPED]), st.sampled_from(["pin", "ban"]), max_size=3
        ),
    }
)


def fill(path: Path, made: dict[str, Any], start: datetime = START) -> None:
    """Plan, save and log through the store, as the commands do."""
    when = start
    with history.open_store(path) as store:
        for session in made["sessions"]:
            when += timedelta(hours=session["gap_hours"])
            request = Request(seed=session["seed"], exercises=session["count"])
            saved = store.save(plan(SHIPPED, request, store.recency(), when))
            for exercise, sets in zip(saved.exercises, session["logs"], strict=False):
                store.log(saved.id or 0, exercise.id, sets)
        for exercise_id, mark in made["marks"].items():
            store.set_mark(exercise_id, mark)


def export_of(path: Path) -> str:
    with history.open_store(path, create=False) as store:
        return exchange.to_json(store.every(), store.marks())


def import_into(path: Path, text: str) -> int:
    workouts, marks, *_ = streamed.read(io.BytesIO(text.encode()), "export.json")
    with history.open_store(path) as store:
        return store.add(workouts, marks)


@settings(max_examples=30)
@given(made=a_history)
def test_round_trip_is_lossless_and_importing_twice_adds_nothing(
    tmp_path_factory: pytest.TempPathFactory, made: dict[str, Any]
) -> None:
    folder = tmp_path_factory.mktemp("round")
    source, target = folder / "source.sqlite3", folder / "target.sqlite3"
    fill(source, made)
    exported = export_of(source)
    assert import_into(target, exported) == len(made["sessions"])
    assert export_of(target) == exported
    assert import_into(target, exported) == 0
    assert export_of(target) == exported


def test_importing_an_export_into_its_own_history_adds_nothing(tmp_path: Path) -> None:
    source = tmp_path / "a.sqlite3"
    session = {"seed": 1, "count": 4, "gap_hours": 30, "logs": [[SetDone(8, 60.0, "kg")]]}
    # Saved to the microsecond; the export keeps whole seconds.
    made = {"sessions": [session, {**session, "seed": 2}], "marks": {"pull-up": "ban"}}
    fill(source, made, start=START.replace(microsecond=654_321))
    exported = export_of(source)
    assert import_into(source, exported) == 0
    assert export_of(source) == exported


def test_import_merges_into_a_history_with_other_workouts(tmp_path: Path) -> None:
    source, target = tmp_path / "a.sqlite3", tmp_path / "b.sqlite3"
    session = {"seed": 1, "count": 6, "gap_hours": 30, "logs": [[SetDone(8, 60.0, "kg")]]}
    fill(source, {"sessions": [session, {**session, "seed": 2}], "marks": {}})
    fill(target, {"sessions": [{**session, "seed": 9, "gap_hours": 500}], "marks": {}})
    assert import_into(target, export_of(source)) == 2
    with history.open_store(target) as store:
        assert len(list(store.every())) == 3


def valid_export(tmp_path: Path) -> dict[str, Any]:
    source = tmp_path / "source.sqlite3"
    session = {"seed": 1, "count": 3, "gap_hours": 30, "logs": [[SetDone(8, 60.0, "kg")]]}
    fill(source, {"sessions": [session], "marks": {"pull-up": "pin"}})
    return json.loads(export_of(source))


def broken(document: dict[str, Any], change: str) -> str:
    """The export with one thing wrong."""
    workout = document["workouts"][0]
    exercise = workout["exercises"][0]
    if change == "truncated":
        return json.dumps(document)[:-40]
    if change == "not json":
        return "this is not json"
    if change == "newer":
        document["backplan_export"] = 2
    elif change == "sets as text":
        exercise["sets"] = "three"
    elif change == "unknown group":
        exercise["group"] = "chest"
    elif change == "reps out of range":
        exercise["sets_logged"][0]["reps"] = 0
    elif change == "no offset":
        workout["created"] = "2026-01-01T10:00:00"
    elif change == "missing key":
        del workout["goal"]
    elif change == "workouts not a list":
        document["workouts"] = {"a": 1}
    elif change == "bad mark":
        document["marks"] = {"pull-up": "love"}
    elif change == "bool as number":
        exercise["reps_min"] = True
    elif change == "duplicate exercise":
        workout["exercises"][1]["id"] = exercise["id"]
    elif change == "a list":
        return "[]"
    elif change == "unknown set kind":
        exercise["sets_logged"][0]["kind"] = "mega"
    elif change == "note not text":
        exercise["sets_logged"][0]["note"] = 7
    elif change == "a day-long session":
        workout["duration_seconds"] = 200_000
    elif change == "unknown source":
        workout["source"] = "myspace"
    elif change == "other training without sets":
        workout["other"] = [{"position": 1, "name": "Squat"}]
    elif change == "other training credit":
        workout["other"] = [{"position": 1, "name": "Squat", "sets": [], "credit": ["legs"]}]
    return json.dumps(document)


CHANGES = [
    "truncated", "not json", "newer", "sets as text", "unknown group", "reps out of range",
    "no offset", "missing key", "workouts not a list", "bad mark", "bool as number",
    "duplicate exercise", "a list", "unknown set kind", "note not text", "a day-long session",
    "unknown source", "other training without sets", "other training credit",
]  # fmt: skip


@pytest.mark.parametrize("change", CHANGES)
def test_a_bad_import_is_refused_and_changes_nothing(
    tmp_path: Path, backplan_env: Path, change: str
) -> None:
    document = valid_export(tmp_path)
    ok("workout")  # the user's own history, which must stay as it is
    database = backplan_env / migrations.FILE_NAME
    before = export_of(database)
    path = tmp_path / "broken.json"
    path.write_text(broken(document, change), encoding="utf-8")
    result = run("import", str(path))
    assert result.exit_code == 2, result.stdout
    assert "Nothing was imported" in result.stderr or "newer backplan" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert export_of(database) == before


def test_export_and_import_commands(tmp_path: Path, backplan_env: Path) -> None:
    ok("workout")
    row = json.loads(ok("history", "--json").stdout)[0]["exercises"][0]["id"]
    ok("log", row, "8x60", "7x60")
    ok("pin", "pull-up")
    target = tmp_path / "out" / "backplan.json"
    assert "is not a folder; create it first" in run("export", "--output", str(target)).stderr
    target.parent.mkdir()
    result = ok("export", "--output", str(target))
    assert "Exported 1 workout" in result.stderr
    printed = ok("export").stdout
    assert json.loads(printed) == json.loads(target.read_text())
    # Into a new home: everything arrives; a second import adds nothing.
    (backplan_env / migrations.FILE_NAME).rename(tmp_path / "old.sqlite3")
    for leftover in backplan_env.glob(migrations.FILE_NAME + "-*"):
        leftover.unlink()
    assert "Imported 1 workout" in ok("import", str(target)).stdout
    assert "0 workouts" in ok("import", str(target)).stdout
    assert json.loads(ok("export").stdout) == json.loads(printed)


def test_csv_has_a_row_per_planned_exercise_or_logged_set() -> None:
    planned = json.loads(ok("workout", "--json").stdout)
    ok("log", planned["exercises"][0]["id"], "8x60", "8x60", "6x60")
    rows = list(csv.DictReader(io.StringIO(ok("export", "--format", "csv").stdout)))
    assert len(rows) == 3 + len(planned["exercises"]) - 1
    logged = [r for r in rows if r["set_number"]]
    assert [(r["reps"], r["weight"], r["unit"]) for r in logged] == [
        ("8", "60.0", "kg"),
        ("8", "60.0", "kg"),
        ("6", "60.0", "kg"),
    ]
    assert list(rows[0]) == list(exchange.CSV_COLUMNS)


def test_export_to_a_folder_is_refused(tmp_path: Path) -> None:
    result = run("export", "--output", str(tmp_path))
    assert result.exit_code == 2


def test_import_of_a_missing_file(tmp_path: Path) -> None:
    result = run("import", str(tmp_path / "nope.json"))
    assert result.exit_code == 2
    assert "no such file" in result.stderr


def test_export_refuses_to_overwrite_and_never_touches_the_history(
    tmp_path: Path, backplan_env: Path
) -> None:
    ok("workout")
    target = tmp_path / "backplan.json"
    ok("export", "--output", str(target))
    again = run("export", "--output", str(target))
    assert again.exit_code == 2
    assert "exists; give --force" in again.stderr
    ok("export", "--output", str(target), "--force")
    database = backplan_env / migrations.FILE_NAME
    before = database.read_bytes()
    onto = run("export", "--output", str(database), "--force")
    assert onto.exit_code == 2
    assert "your history itself" in onto.stderr
    assert database.read_bytes() == before
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    assert "not a regular file" in run("export", "--output", str(fifo), "--force").stderr


def test_import_keeps_ids_settings_and_refuses_a_csv(tmp_path: Path, backplan_env: Path) -> None:
    ok("config", "set", "unit", "lb")
    ok("config", "set", "step.dumbbell", "2.5")
    first = json.loads(ok("workout", "--json").stdout)
    row = next(e["id"] for e in first["exercises"] if e["dose"] == "reps")
    ok("log", row, "8x100")
    json.loads(ok("workout", "--json").stdout)
    exported = tmp_path / "backplan.json"
    ok("export", "--output", str(exported))
    (tmp_path / "backplan.csv").write_text(ok("export", "--format", "csv").stdout)
    # A new home: ids 1 and 2 are free, and the settings come along.
    for leftover in backplan_env.iterdir():
        if leftover.is_file():
            leftover.unlink()
    result = ok("import", str(exported))
    assert "Settings you had not set came with it: step.dumbbell, unit." in result.stdout
    assert [w["id"] for w in json.loads(ok("history", "--json").stdout)] == [2, 1]
    assert json.loads(ok("config", "show", "--json").stdout)["unit"] == "lb"
    refused = run("import", str(tmp_path / "backplan.csv"))
    assert refused.exit_code == 2
    assert "is a CSV export" in refused.stderr
