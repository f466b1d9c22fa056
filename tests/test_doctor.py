"""`backplan doctor`: where the files are, their versions and sizes, and whether the history
is sound; a damaged, foreign or newer history is one line on stderr and exit 1, untouched."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from backplan import paths
from backplan.store import migrations
from tests.helpers import ok, old_database, run, run_json


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_new_home_has_no_history_yet_and_is_fine(backplan_env: Path) -> None:
    shown = ok("doctor").stdout
    assert shown.startswith("backplan ")
    assert f"history    {backplan_env / 'history.sqlite3'}\n" in shown
    assert f"none yet (made on the first save, schema {migrations.SCHEMA_VERSION})" in shown
    assert "no file: the defaults" in shown
    assert f"shipped · version 2 · {len(run_json('list'))} exercises" in shown
    assert not (backplan_env / "history.sqlite3").exists()  # doctor made nothing


def test_a_history_in_use_is_sound_and_counted(backplan_env: Path) -> None:
    ok("workout", "--seed", "1")
    ok("workout", "--seed", "2", "--new", "--group", "lats")
    ok("config", "set", "unit", "lb")
    history = backplan_env / "history.sqlite3"
    before = _digest(history)
    report = run_json("doctor")
    assert report["history"] == {
        "path": str(history), "exists": True, "bytes": report["history"]["bytes"],
        "schema": migrations.SCHEMA_VERSION, "supported_schema": migrations.SCHEMA_VERSION,
        "workouts": 1, "problem": None,
    }  # fmt: skip
    assert report["history"]["bytes"] >= history.stat().st_size > 0
    assert report["settings"]["exists"]
    assert report["settings"]["problem"] is None
    assert report["catalogue"]["path"] == str(paths.shipped_catalogue())
    assert report["catalogue"]["shipped"]
    assert report["catalogue"]["version"] == 2
    assert report["cache"] == str(backplan_env / "cache")
    shown = ok("doctor").stdout
    assert f"schema {migrations.SCHEMA_VERSION} (this backplan: " in shown
    assert "1 workout · sound" in shown
    assert _digest(history) == before


def test_an_older_history_is_sound_and_named_for_its_upgrade(backplan_env: Path) -> None:
    path = old_database(backplan_env, 3)
    before = _digest(path)
    shown = ok("doctor").stdout
    assert f"schema 3 (this backplan: {migrations.SCHEMA_VERSION}, upgraded to " in shown
    assert _digest(path) == before  # read, never migrated


def _garbage(path: Path) -> None:
    path.write_bytes(b"this is not a database" * 500)


def _newer(path: Path) -> None:
    old_database(path.parent, migrations.SCHEMA_VERSION)
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {migrations.SCHEMA_VERSION + 1}")
    db.commit()
    db.close()


def _foreign(path: Path) -> None:
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE notes (x)")
    db.commit()
    db.close()


def _damaged(path: Path) -> None:
    """A real history whose index pages are overwritten: SQLite opens it, the check fails."""
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE filler (x)")
    db.executemany("INSERT INTO filler VALUES (?)", [(str(i) * 40,) for i in range(3000)])
    db.execute("CREATE INDEX filler_x ON filler (x)")
    db.commit()
    db.close()
    data = bytearray(path.read_bytes())
    page = 4096
    for start in range(len(data) - 6 * page, len(data) - 2 * page, page):
        data[start + 100 : start + 400] = b"\x07" * 300
    path.write_bytes(bytes(data))


@pytest.mark.parametrize(
    ("spoil", "said"),
    [
        (_garbage, "corrupt or not a backplan database"),
        (_newer, "written by a newer backplan"),
        (_foreign, "not backplan's"),
        (_damaged, ""),
    ],
)
def test_a_bad_history_is_one_line_and_exit_1_left_untouched(
    backplan_env: Path, spoil: object, said: str
) -> None:
    backplan_env.mkdir(exist_ok=True)
    path = backplan_env / "history.sqlite3"
    if spoil is _damaged:
        ok("workout", "--seed", "1")
    spoil(path)  # type: ignore[operator]
    before = _digest(path)
    result = run("doctor")
    assert result.exit_code == 1, result.stdout + result.stderr
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith(f"error: {path}: ")
    assert said in result.stderr
    assert "NOT SOUND" in result.stdout
    assert "Traceback" not in result.stderr
    assert _digest(path) == before
    document = run("doctor", "--json")
    assert document.exit_code == 1
    assert '"problem": null' not in document.stdout.split('"settings"')[0]


def test_a_folder_where_the_history_should_be(backplan_env: Path) -> None:
    (backplan_env / "history.sqlite3").mkdir(parents=True)
    result = run("doctor")
    assert result.exit_code == 1
    assert "is a directory, not a history database" in result.stderr


def test_a_broken_settings_file_and_a_broken_catalogue_are_named(
    backplan_env: Path, tmp_path: Path
) -> None:
    backplan_env.mkdir()
    (backplan_env / "config.toml").write_text("level = [\n", encoding="utf-8")
    mine = tmp_path / "mine.yaml"
    mine.write_text("version: 2\nexercises: nope\n", encoding="utf-8")
    result = run("doctor", "--catalog", str(mine))
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1
    assert str(backplan_env / "config.toml") in result.stderr
    assert str(mine) in result.stderr
    assert "settings   " in result.stdout
    assert "NOT READ" in result.stdout
    report = run("doctor", "--catalog", str(mine), "--json")
    assert '"shipped": false' in report.stdout


def test_version_names_the_schemas() -> None:
    shown = ok("--version").stdout.strip()
    assert shown.endswith(f"(history schema {migrations.SCHEMA_VERSION}, catalogue schema 2)")
