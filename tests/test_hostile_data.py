"""Hostile data (issue 18's last cases): impossible dates, huge numbers, deep nesting,
damaged rows and caches, a locked home, a catalogue of endless problems. Each gets one
clear line with exit 1 or 2, and nothing changes."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from pathlib import Path
from typing import Any

import pytest
import yaml

from backplan.store import migrations
from tests.helpers import do, entry, ok, run, run_json, write_catalogue


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _refused(result: Any, code: int, text: str) -> None:
    assert result.exit_code == code, (result.stdout, result.stderr)
    assert text in result.stderr, result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr


@pytest.fixture
def export(backplan_env: Path, tmp_path: Path) -> dict[str, Any]:
    ok("workout", "--seed", "1")
    ok("export", "--output", str(tmp_path / "base.json"))
    document: dict[str, Any] = json.loads((tmp_path / "base.json").read_text())
    return document


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("created", "0001-01-01T00:00:00+00:00", "is not a time backplan could have planned"),
        ("created", "9999-12-31T23:59:59-12:00", "is not a time backplan could have planned"),
        ("created", "1969-12-31T23:59:59+00:00", "is not a time backplan could have planned"),
        ("seed", 2**63, "a number too long"),
        ("exercises", [], "is empty; a workout has at least one exercise"),
    ],
)
def test_an_import_of_impossible_values_is_refused(
    export: dict[str, Any], tmp_path: Path, backplan_env: Path, field: str, value: Any,
    message: str,
) -> None:  # fmt: skip
    export["workouts"][0][field] = value
    export["workouts"][0]["created"] = value if field == "created" else "2025-01-06T07:30:00+01:00"
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(export), encoding="utf-8")
    database = backplan_env / migrations.FILE_NAME
    before = _digest(database)
    _refused(run("import", str(path)), 2, message)
    assert _digest(database) == before
    for command in (["workout", "--no-save"], ["status"], ["stats"], ["history"]):
        assert run(*command).exit_code == 0


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"backplan_export": ' + "9" * 5000 + "}", "a number too long"),
        ("[" * 100_000 + "]" * 100_000, "not a backplan export"),
        ('{"marks": ' + "[" * 100_000 + "]" * 100_000 + "}", "not a backplan export"),
        ('{"marks": ' + '[""' + ',[""' * 50_000 + "]" * 50_001 + "}", "nests over 64 levels"),
    ],
)
def test_a_monstrous_json_file_is_refused(
    tmp_path: Path, backplan_env: Path, text: str, message: str
) -> None:
    ok("workout", "--seed", "1")
    path = tmp_path / "monster.json"
    path.write_text(text, encoding="utf-8")
    _refused(run("import", "--from", "backplan", str(path)), 2, message)


def test_config_values_that_look_like_numbers(backplan_env: Path) -> None:
    _refused(run("config", "set", "exercises", "²"), 2, "exercises must be a whole number")
    backplan_env.mkdir(exist_ok=True)
    (backplan_env / "config.toml").write_text('exercises = "²"\n', encoding="utf-8")
    _refused(run("workout", "--no-save"), 2, "exercises must be a whole number")
    (backplan_env / "config.toml").write_text("x = " + "[" * 100_000 + "]" * 100_000 + "\n")
    _refused(run("config", "show"), 2, "nested too deeply")


def test_a_damaged_row_is_one_line_and_can_be_deleted(backplan_env: Path) -> None:
    ok("workout", "--seed", "1")
    database = backplan_env / migrations.FILE_NAME
    with sqlite3.connect(database) as db:
        db.execute("UPDATE workouts SET goal = 'bulk' WHERE id = 1")
    before = _digest(database)
    _refused(run("history", "show", "1"), 1, "Workout 1 in the history cannot be read")
    assert _digest(database) == before
    ok("history", "delete", "1", "--yes")
    assert run_json("history") == []


def test_an_impossible_stored_time_is_one_line(backplan_env: Path) -> None:
    do(run_json("workout", "--seed", "1"))
    with sqlite3.connect(backplan_env / migrations.FILE_NAME) as db:
        db.execute("UPDATE workout_exercises SET created_ts = 1e15")
    _refused(run("status"), 1, "The history holds a time that cannot be")


def test_a_cache_entry_of_the_wrong_type_is_ignored(backplan_env: Path) -> None:
    ok("list")
    caches = list((backplan_env / "cache").glob("catalogue-*.marshal"))
    assert caches
    import marshal

    for cache in caches:
        cache.write_bytes(marshal.dumps({"not": "rows"}))
    assert "pull-up" in ok("list").stdout
    for cache in caches:
        cache.write_bytes(marshal.dumps([("pull-up", 7)]))
    assert "pull-up" in ok("list").stdout


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a folder of mode 000 anyway")
def test_a_locked_home_is_one_line(backplan_env: Path) -> None:
    backplan_env.mkdir()
    backplan_env.chmod(0)
    try:
        for command in (["workout"], ["status"], ["config", "show"], ["list"]):
            result = run(*command)
            assert result.exit_code in (0, 1), result.stderr
            assert "Traceback" not in result.stdout + result.stderr
    finally:
        backplan_env.chmod(0o700)


def test_a_catalogue_of_endless_problems_stops_after_a_few_hundred(tmp_path: Path) -> None:
    bad = [{"id": f"Bad {n}", "name": 1} for n in range(5000)]
    path = tmp_path / "endless.yaml"
    path.write_text(yaml.safe_dump({"version": 1, "exercises": bad}), encoding="utf-8")
    result = run("check", str(path))
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) <= 201
    assert "the first 200 problems (it was checked no further)" in lines[-1]


def test_a_huge_number_in_a_catalogue_is_named_shortly(tmp_path: Path) -> None:
    path = write_catalogue(tmp_path / "c.yaml", [entry("row", range=[1, 10])], version=2)
    path.write_text(path.read_text().replace("- 1\n", "- " + "9" * 5000 + "\n"))
    result = run("check", str(path))
    assert result.exit_code == 2
    assert "…(5,000 characters)' is not a valid int" in result.stderr
    assert len(result.stderr) < 500


def test_a_400_digit_weight_a_huge_note_and_a_nan_weight_are_one_line(
    export: dict[str, Any], tmp_path: Path, backplan_env: Path
) -> None:
    import sqlite3

    path = tmp_path / "bad.json"
    path.write_text(json.dumps(export).replace('"seed": ', '"seed": ' + "9" * 400 + ', "x": '))
    _refused(run("import", str(path)), 2, "a number too long")
    export["workouts"][0]["note"] = "a" * 5_000_000
    path.write_text(json.dumps(export), encoding="utf-8")
    _refused(run("import", str(path)), 2, "over 100,000 bytes")
    ok("log", "--workout", "1", export["workouts"][0]["exercises"][0]["id"], "8x20")
    db = sqlite3.connect(backplan_env / migrations.FILE_NAME)
    db.execute("UPDATE logged_sets SET weight = 'NaN'")
    db.commit()
    db.close()
    _refused(run("history"), 1, "cannot be read")
