"""Text from files never drives the terminal, and every command survives hostile values."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from backplan.cli import app
from backplan.store import migrations
from backplan.text import control_character, visible
from tests.helpers import entry, ok, run, run_json, write_catalogue

EVIL_NAME = "Evil \x1b]52;c;SGVsbG8=\x07 \x1b[2J"
EVIL_CUE = "cue \x1b[31mred\x1b[0m"


def test_the_validator_names_control_characters(tmp_path: Path) -> None:
    path = write_catalogue(tmp_path / "c.yaml", [
        entry("evil", name=EVIL_NAME),
        entry("red", cues=[EVIL_CUE]),
        entry("bidi", focus="abc\u202edcba"),
    ])  # fmt: skip
    result = run("check", str(path))
    assert result.exit_code == 2
    assert "name contains the control character ESC (U+001B)" in result.stderr
    assert "each of 'red': cues contains the control character ESC (U+001B)" in result.stderr
    assert "focus contains the bidirectional control RIGHT-TO-LEFT OVERRIDE (U+202E)" in (
        result.stderr
    )
    assert "\x1b" not in result.stderr + result.stdout
    assert run("list", "--catalog", str(path)).exit_code == 2


def test_an_import_with_control_characters_is_refused(tmp_path: Path, backplan_env: Path) -> None:
    ok("workout", "--seed", "1")
    document = json.loads(ok("export").stdout)
    document["workouts"][0]["exercises"][0]["name"] = "Row \x1b[2J\x1b]0;pwned\x07"
    document["workouts"][0]["created"] = "2025-01-06T07:30:00+01:00"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(document), encoding="utf-8")
    database = backplan_env / migrations.FILE_NAME
    before = hashlib.sha256(database.read_bytes()).hexdigest()
    refused = run("import", str(bad))
    assert refused.exit_code == 2
    assert "workouts[0].exercises[0].name: contains the control character ESC (U+001B)" in (
        refused.stderr
    )
    assert hashlib.sha256(database.read_bytes()).hexdigest() == before


def test_a_database_that_holds_control_characters_prints_them_harmlessly(
    backplan_env: Path,
) -> None:
    ok("workout", "--seed", "1")
    database = sqlite3.connect(backplan_env / migrations.FILE_NAME)
    database.execute(
        "UPDATE workout_exercises SET name = ?, reason = ? WHERE position = 1",
        (EVIL_NAME, "[link=https://example.com]click[/link] [/]"),
    )
    database.execute("UPDATE workouts SET notes = ?", (json.dumps(["[/] \x1b[2J note"]),))
    database.commit()
    database.close()
    shown = run("history", "show", "1")
    assert shown.exit_code == 0, shown.stderr
    assert "\x1b]52" not in shown.stdout
    assert "\x1b[2J" not in shown.stdout
    assert "␛" in shown.stdout
    assert "[link=" in shown.stdout  # shown as text, not made a live hyperlink
    assert "\x1b]8;" not in shown.stdout
    assert "[/] ␛[2J note" in shown.stdout
    assert "Evil ␛]52;c;SGVsbG8=␇" in run_json("history", "show", "1")["exercises"][0]["name"]


def test_visible_and_control_character() -> None:
    assert visible("a\x1bb\x7f\x9b\u202e") == "a␛b␡<U+009B><U+202E>"
    assert visible("plain ✓ é") == "plain ✓ é"
    assert control_character("ok") is None
    assert control_character("x\x9by") == "the control character CSI (U+009B)"


def test_a_locked_history_says_it_is_waiting(backplan_env: Path) -> None:
    ok("workout", "--seed", "1")
    holder = sqlite3.connect(backplan_env / migrations.FILE_NAME, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    env = {**os.environ, "BACKPLAN_HOME": str(backplan_env)}
    child = subprocess.Popen(
        [sys.executable, "-m", "backplan", "pin", "pull-up"],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert child.stderr is not None
    said = child.stderr.readline()  # the wait is said before the lock is let go
    holder.execute("COMMIT")
    holder.close()
    out, err = child.communicate(timeout=60)
    assert child.returncode == 0, said + err
    assert "another backplan is writing your history; waiting up to 30 s" in said
    assert "Pinned Pull-Up" in out


# --- every command, every option, hostile values ------------------------------------

HOSTILE = [
    "0", "-1", "99999999999999999999", "", " ", "nan", "é✓\u202e", "../x", "²", "9" * 5000,
    # round 3: escapes, markup and emoji codes, a plate too small to load, an invisible mark
    "\x1b[2J\x1b]0;PWNED\x07", "Chin [/] Up", ":skull:", "0.004", "pull-up\u200b",
]  # fmt: skip
VALID = {  # what a required argument gets while an option is attacked
    "ID": "1", "EXERCISE_ID": "pull-up", "KEY": "unit", "VALUE": "kg", "FILE": "export.json",
    "PATH": "",
}  # fmt: skip


def _commands() -> list[tuple[list[str], object]]:
    """Every command of the app, with its path of names (groups walked too)."""
    found = []

    def walk(command: object, path: list[str]) -> None:
        subcommands = getattr(command, "commands", None)
        if subcommands:
            for name, sub in sorted(subcommands.items()):
                walk(sub, [*path, name])
        if getattr(command, "params", None) is not None:
            found.append((path, command))

    walk(get_command(app), [])
    return found


def _required(command: object) -> list[str]:
    values = []
    for param in command.params:  # type: ignore[attr-defined]
        if param.param_type_name == "argument" and param.required:
            values.append(VALID.get(param.metavar or param.name.upper(), "pull-up"))
    return values


# The sample takes every SAMPLE-th value of each option, shifted option by option, so
# every option meets some hostile values and every value meets many options.
SAMPLE = 4


@pytest.mark.thorough
def test_every_command_survives_every_hostile_value(
    tmp_path: Path, backplan_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    runs = _walk(tmp_path, backplan_env, monkeypatch, stride=1)
    assert runs > 2_000


def test_every_command_survives_hostile_values(
    tmp_path: Path, backplan_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A deterministic sample of the whole walk (--thorough runs all of it)."""
    runs = _walk(tmp_path, backplan_env, monkeypatch, stride=SAMPLE)
    assert runs > 500


def _walk(tmp_path: Path, backplan_env: Path, monkeypatch: pytest.MonkeyPatch, stride: int) -> int:
    """Every option and argument of every command, given hostile values; the runs made."""
    # Values like '../x' or '0' can be a file to write: keep them all inside tmp_path.
    workdir = tmp_path / "work" / "here"
    workdir.mkdir(parents=True)
    monkeypatch.chdir(workdir)
    ok("workout", "--seed", "1")
    ok("log", "pull-up", "8", "8")
    ok("export", "--output", str(backplan_env / "export.json"))
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    # Files no command should choke on: nested 100,000 deep, a number of 5,000 digits.
    deep, huge = tmp_path / "deep.json", tmp_path / "huge.csv"
    deep.write_text("[" * 100_000 + "]" * 100_000)
    huge.write_text("Date,Exercise,Category,Weight (kgs),Reps\n2024-01-01,Row,Back,1," + "9" * 5000)
    values = [*HOSTILE, str(tmp_path), str(fifo), "/dev/null", str(deep), str(huge)]
    database = backplan_env / migrations.FILE_NAME
    runner = CliRunner()
    runs = attacked = 0
    for path, command in _commands():
        if not path:
            continue
        for param in command.params:  # type: ignore[attr-defined]
            if param.name in ("help",):
                continue
            attacked += 1
            for value in values[attacked % stride :: stride]:
                args = [*path]
                if param.param_type_name == "argument":
                    fill = _required(command)
                    args += [value, *fill[1:]]
                else:
                    args += _required(command)
                    args += [param.opts[0]] if param.is_flag else [param.opts[0], value]
                if "history" in path and "delete" in path and "--yes" not in args:
                    args.append("--yes")
                before = database.read_bytes()
                result = runner.invoke(app, args, input="")
                runs += 1
                shown = f"{args}: {result.exit_code}\n{result.stdout}\n{result.stderr}"
                assert result.exit_code in (0, 1, 2), shown
                assert "Traceback" not in result.stdout + result.stderr, shown
                assert "\x1b" not in result.stdout + result.stderr, shown
                assert not isinstance(result.exception, Exception) or isinstance(
                    result.exception, SystemExit
                ), (shown, result.exception)
                if "--json" in args and result.exit_code == 0 and result.stdout.strip():
                    json.loads(result.stdout)
                if result.exit_code != 0:
                    assert database.read_bytes() == before, shown
    print(f"hostile walk: {runs} runs")
    return runs
