"""The red team's reproducers: no file, setting or clock hangs backplan, drives the
terminal or poisons the history. Each gets one clear line with the spec's exit code, and
the history is byte-identical wherever something was refused."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
import termios
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from backplan.store import migrations
from backplan.text import json_safe, visible
from backplan.training.plates import Rack, loadable
from tests.helpers import entry, ok, run, write_catalogue
from tests.terminal import Terminal

STRONG_HEAD = (
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,"
    "Notes,Workout Notes,RPE\n"
)
RAW = ("\x1b", "\x9b", "\u202e", "\x07")  # ESC, CSI, a bidi override, BEL


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _one_line(result: Any, code: int, text: str) -> None:
    assert result.exit_code == code, (result.stdout, result.stderr)
    assert text in result.stderr, result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr


def _no_raw(*texts: str) -> None:
    for text in texts:
        for char in RAW:
            assert char not in text, repr(text)


def _strong(tmp_path: Path, *rows: str, name: str = "s.csv") -> Path:
    path = tmp_path / name
    path.write_text(STRONG_HEAD + "".join(f"{row}\n" for row in rows), encoding="utf-8")
    return path


def _row(when: str, exercise: str, weight: str = "100", reps: str = "5") -> str:
    return f"{when},Back day,1h,{exercise},1,{weight},{reps},,,,,"


@pytest.fixture
def history(backplan_env: Path) -> Path:
    ok("workout", "--seed", "1")
    return backplan_env / migrations.FILE_NAME


# --- 1. plates ------------------------------------------------------------------------


@pytest.mark.parametrize("key", ["plates", "bar", "step.barbell"])
def test_a_plate_bar_or_step_too_small_to_load_is_refused(key: str, backplan_env: Path) -> None:
    _one_line(run("config", "set", key, "0.004"), 2, "from 0.25")


def test_a_tiny_plate_written_by_hand_or_imported_never_hangs(
    history: Path, backplan_env: Path, tmp_path: Path
) -> None:
    ok("log", "barbell-bent-over-row", "3x8x60")
    (backplan_env / "config.toml").write_text("plates = [0.004]\n", encoding="utf-8")
    started = time.monotonic()
    _one_line(run("show", "barbell-bent-over-row"), 2, "each plate must be from 0.25")
    assert time.monotonic() - started < 5
    (backplan_env / "config.toml").unlink()
    document = json.loads(ok("export").stdout)
    document["config"] = {"plates": [0.004]}
    path = tmp_path / "tiny.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    before = _digest(history)
    _one_line(run("import", str(path)), 2, "plates: each plate must be from 0.25")
    assert _digest(history) == before
    # The filler itself ends on any rack, even one no setting can make.
    weight, plates = loadable(60, Rack("kg", 20, (0.004,)))
    assert weight == 20 + 2 * sum(plates)


# --- 2, 4, 9. text from files reaches the terminal as text ----------------------------


HOSTILE_NAMES = [
    "\x1b[2J\x1b[HBench\x1b]0;PWNED\x07",
    "\x1b]8;;https://example.com\x1b\\link\x1b]8;;\x1b\\",
    "Row \x9b31m",
    "Row \u202etxet",
    "Bent Over Row [/]",
    "[link=https://example.com]Row[/link]",
    ":skull: Row",
]


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_app_names_are_shown_as_text(name: str, tmp_path: Path, backplan_env: Path) -> None:
    path = _strong(
        tmp_path,
        _row("2024-01-01 10:00:00", "Deadlift (Barbell)"),
        _row("2024-01-01 10:00:00", name),
    )
    for args in (["--dry-run"], [], ["--map", f"{name}=pull-up"]):
        result = run("import", "--from", "strong", "--unit", "kg", *args, str(path))
        assert result.exit_code == 0, result.stderr
        _no_raw(result.stdout, result.stderr)
        assert "\x1b]8" not in result.stdout
    shown = run("history", "show", "1")
    _no_raw(shown.stdout)
    if name.isprintable():  # markup and emoji codes are shown as typed
        assert name in run("import", "--dry-run", "--unit", "kg", str(path)).stdout


def test_markup_in_a_catalogue_is_text(tmp_path: Path, backplan_env: Path) -> None:
    path = write_catalogue(
        tmp_path / "c.yaml",
        [
            entry("pull-up", aliases=["Chin [/] Up"], name="Pull-Up :skull:"),
            entry("row", "upper-back", focus="[link=https://example.com]Squeeze[/link]"),
        ],
        version=2,
    )
    for ident in ("pull-up", "row"):
        result = run("show", ident, "--catalog", str(path))
        assert result.exit_code == 0, result.stderr
        assert "\x1b]8" not in result.stdout
    assert "Chin [/] Up" in run("show", "pull-up", "--catalog", str(path)).stdout
    assert ":skull:" in run("show", "pull-up", "--catalog", str(path)).stdout
    assert "[link=https://example.com]" in run("show", "row", "--catalog", str(path)).stdout


def test_paths_in_success_lines_are_shown_as_text(tmp_path: Path, backplan_env: Path) -> None:
    folder = tmp_path / "x\x1b[2Jy"
    folder.mkdir()
    catalogue = write_catalogue(folder / "c.yaml", [entry("pull-up")])
    outputs = [
        run("check", str(catalogue)),
        run("export", "--output", str(folder / "e.json")),
        run("config", "show"),
    ]
    outputs.append(run("import", str(folder / "e.json")))
    for result in outputs:
        assert result.exit_code == 0, result.stderr
        _no_raw(result.stdout, result.stderr)
    assert "x␛[2Jy" in outputs[0].stdout


# --- 3. dates in an app's CSV ---------------------------------------------------------


@pytest.mark.parametrize(
    "when", ["9999-12-31 23:59:59", "1969-12-31 23:59:59", "0001-01-01 00:00:00", "2027-12-01"]
)
def test_a_csv_date_no_session_could_have_is_refused(
    when: str, history: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BACKPLAN_NOW", "2026-12-01T10:00:00+00:00")
    path = _strong(
        tmp_path, _row("2024-01-01 10:00:00", "Deadlift (Barbell)"), _row(when, "Pull Up")
    )
    before = _digest(history)
    _one_line(run("import", "--unit", "kg", str(path)), 2, "line 3:")
    assert _digest(history) == before
    for command in (["workout", "--no-save"], ["status"], ["stats"]):
        ok(*command)


# --- 5. a damaged history is never written ------------------------------------------


def _scribbled(history: Path) -> None:
    """Six workouts, then the file's third page overwritten."""
    for seed in range(2, 8):
        ok("workout", "--seed", str(seed), "--new")
    db = sqlite3.connect(history)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    data = bytearray(history.read_bytes())
    page = 4096
    data[2 * page : 3 * page] = b"\xff" * page
    history.write_bytes(bytes(data))


def test_history_check_finds_a_partly_corrupt_history(history: Path) -> None:
    _scribbled(history)
    before = _digest(history)
    _one_line(run("history", "check"), 1, "corrupt")
    assert _digest(history) == before


def test_after_a_crash_a_partly_corrupt_history_is_not_written(history: Path) -> None:
    _scribbled(history)
    # A process stopped mid-session leaves its write-ahead log behind: the next backplan
    # reads the whole file before it writes.
    crashed = "import os, sqlite3, sys\n" + (
        "db = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
        "db.execute('PRAGMA wal_autocheckpoint = 0')\n"
        "db.execute(\"INSERT INTO marks VALUES ('x', 'ban')\")\n"
        "os._exit(0)\n"
    )
    subprocess.run([sys.executable, "-c", crashed, str(history)], check=True)
    wal = history.with_name(history.name + "-wal")
    assert wal.stat().st_size > 0
    before = _digest(history), _digest(wal)
    for command in (["log", "pull-up", "8", "--add"], ["pin", "pull-up"], ["workout", "--new"]):
        _one_line(run(*command), 1, "corrupt")
    assert (_digest(history), _digest(wal)) == before


@pytest.mark.parametrize("table", ["bodyweights", "marks", "other_training", "logged_sets"])
def test_a_history_missing_a_table_is_not_written(table: str, history: Path) -> None:
    db = sqlite3.connect(history)
    db.execute(f"DROP TABLE {table}")
    db.commit()
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    before = _digest(history)
    writers = (
        ["weigh", "80"],
        ["pin", "pull-up"],
        ["history", "delete", "1", "--yes"],
        ["log", "--workout", "1", "pull-up", "8", "--add"],
        ["workout", "--new"],
    )
    for command in writers:
        _one_line(run(*command), 1, f"no such table: {table}")
    _one_line(run("history", "check"), 1, "corrupt")
    assert _digest(history) == before


# --- 6. a history backplan cannot write is still read ------------------------------


@pytest.fixture
def read_only_home(history: Path, backplan_env: Path) -> Iterator[Path]:
    """The home on a read-only bind mount: a backup, or a read-only file system."""
    ok("log", "pull-up", "8", "8")
    home = str(backplan_env)
    mounted = subprocess.run(["mount", "--bind", home, home], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot bind-mount here: {mounted.stderr.decode().strip()}")
    try:
        subprocess.run(["mount", "-o", "remount,bind,ro", home], check=True)
        yield history
    finally:
        subprocess.run(["umount", home], check=True)


def test_a_read_only_history_is_read_and_writes_name_the_cause(read_only_home: Path) -> None:
    before = _digest(read_only_home)
    for command in (
        ["list"], ["show", "pull-up"], ["history"], ["history", "show", "1"], ["status"],
        ["stats"], ["export"], ["progress", "pull-up"], ["workout", "--no-save"],
    ):  # fmt: skip
        result = run(*command)
        assert result.exit_code == 0, (command, result.stderr)
    for command in (["workout"], ["pin", "pull-up"], ["log", "pull-up", "8", "--add"]):
        _one_line(run(*command), 1, "read-only file system")
    assert _digest(read_only_home) == before


# --- 7. clocks at the edges -------------------------------------------------------


@pytest.mark.parametrize(
    "now",
    [
        "9999-12-31T23:59:59-12:00",
        "0001-01-01T00:00:00+14:00",
        "1970-01-01T00:00:00-05:00",
        "9000-01-01T00:00:00+00:00",
    ],
)
def test_a_clock_no_history_can_hold_is_refused_before_saving(
    now: str, history: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _digest(history)
    monkeypatch.setenv("BACKPLAN_NOW", now)
    for command in (["workout"], ["log", "pull-up", "8"], ["status"], ["weigh", "80"]):
        result = run(*command)
        if command[0] == "weigh" and "No such command" in result.stderr:
            continue  # bodyweight comes later
        _one_line(result, 2, "which a history cannot hold")
    monkeypatch.delenv("BACKPLAN_NOW")
    assert _digest(history) == before
    ok("status")


# --- 8. the config lock -----------------------------------------------------------


def test_a_held_config_lock_is_said_and_given_up(backplan_env: Path) -> None:
    backplan_env.mkdir(exist_ok=True)
    lock = backplan_env / ".config.toml.lock"
    holder = subprocess.Popen(
        ["flock", str(lock), "sh", "-c", "echo held; exec sleep 30"], stdout=subprocess.PIPE
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline() == b"held\n"  # the lock is taken: no race
        env = {**os.environ, "BACKPLAN_HOME": str(backplan_env), "BACKPLAN_CLOCK_RATE": "100"}
        done = subprocess.run(
            [sys.executable, "-m", "backplan", "config", "set", "unit", "lb"],
            env=env, capture_output=True, text=True, timeout=20,
        )  # fmt: skip
    finally:
        holder.kill()
    assert done.returncode == 1
    assert "another backplan is changing your settings" in done.stderr
    assert "still locked by another process" in done.stderr
    assert not (backplan_env / "config.toml").exists()


# --- 10, 9. two go sessions on one workout; keys echoed as text ---------------------


@pytest.fixture
def pull_ups(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = write_catalogue(tmp_path / "gym.yaml", [entry("pull-up", equipment=["pull-up-bar"])])
    monkeypatch.setenv("BACKPLAN_CATALOG", str(path))
    monkeypatch.setenv("BACKPLAN_NOW", "2026-11-30T18:00:00+01:00")
    ok("workout", "--seed", "1", "--exercises", "1")
    return path


def test_a_stale_go_screen_does_not_log_a_set_twice(pull_ups: Path, backplan_env: Path) -> None:
    term = Terminal(
        backplan_env, "go", "--catalog", str(pull_ups), now="2026-11-30T18:00:00+01:00",
        rate=1000.0,
    )  # fmt: skip
    term.expect("> ")
    ok("log", "pull-up", "8", "--add")  # another terminal logs set 1 meanwhile
    term.line("7")
    term.expect("already logged")
    term.expect("> ")
    term.line("q")
    assert term.finish() == 0
    sets = json.loads(ok("history", "show", "1", "--json").stdout)["exercises"][0]["sets_logged"]
    assert [s["reps"] for s in sets] == [8]


def test_go_never_echoes_an_escape_typed(pull_ups: Path, backplan_env: Path) -> None:
    term = Terminal(
        backplan_env, "go", "--catalog", str(pull_ups), now="2026-11-30T18:00:00+01:00",
        rate=1000.0, colour=False,
    )  # fmt: skip
    term.expect("> ")
    term.send("\x1b[A\x1b]0;PWNED\x07")  # an arrow key, and a title change pasted
    term.line("7")
    term.expect("Logged 7 reps|Logged 7")
    term.expect("any key ends it|> ")
    term.child.kill(signal.SIGKILL)
    assert "\x1b[A" not in term.text
    assert "PWNED" not in term.text.split("Logged")[0].split("> ")[-1]
    sets = json.loads(ok("history", "show", "1", "--json").stdout)["exercises"][0]["sets_logged"]
    assert [s["reps"] for s in sets] == [7]


def test_a_signal_during_the_rest_gives_the_terminal_back(
    pull_ups: Path, backplan_env: Path
) -> None:
    import pexpect

    for number, signal_name in enumerate(("SIGTERM", "SIGHUP"), start=1):
        term = Terminal(
            backplan_env, "go", "--catalog", str(pull_ups), now="2026-11-30T18:00:00+01:00",
        )  # fmt: skip
        term.expect("> ")
        term.line("8")
        term.expect("any key ends it")
        assert not termios.tcgetattr(term.child.child_fd)[3] & termios.ECHO  # cbreak: no echo
        term.child.kill(getattr(signal, signal_name))
        term.child.expect(pexpect.EOF)
        assert termios.tcgetattr(term.child.child_fd)[3] & termios.ECHO, signal_name
        term.child.close()
        sets = json.loads(ok("history", "show", "1", "--json").stdout)["exercises"][0]
        assert len(sets["sets_logged"]) == number  # the set before the rest was kept


# --- 11. the smaller ones ---------------------------------------------------------


def test_a_rep_count_of_thousands_of_digits_is_refused(history: Path) -> None:
    before = _digest(history)
    _one_line(run("log", "pull-up", "9" * 4400), 2, "reps must be 1 to 100")
    _one_line(run("log", "pull-up", "9" * 4400 + "x60"), 2, "reps must be 1 to 100")
    _one_line(run("log", "pull-up", "3x8x" + "9" * 4400), 2, "is not a weight")
    assert _digest(history) == before


@pytest.mark.parametrize("args", [[], ["--from", "strong", "--unit", "kg"]])
def test_an_unreadable_special_file_is_refused(args: list[str], history: Path) -> None:
    _one_line(run("import", *args, "/proc/self/mem"), 2, "cannot be read")


def test_a_killed_export_leaves_nothing_behind(tmp_path: Path, history: Path) -> None:
    target = tmp_path / "out.json"
    dead = subprocess.Popen(["true"])
    dead.wait()
    left = tmp_path / f".out.json.{dead.pid}.tmp-abc123"
    left.write_bytes(b"x" * 1000)
    mine = tmp_path / f".out.json.{os.getpid()}.tmp-zzz"  # a live writer's is kept
    mine.write_bytes(b"y")
    ok("export", "--output", str(target))
    assert not left.exists()
    assert mine.exists()
    assert target.exists()


def test_a_csv_export_never_writes_a_formula(tmp_path: Path, backplan_env: Path) -> None:
    path = write_catalogue(
        tmp_path / "c.yaml",
        [entry("pull-up", name='=HYPERLINK("http://x")'), entry("row", name="+1+1")],
    )
    ok("workout", "--catalog", str(path), "--exercises", "2")
    exported = ok("export", "--format", "csv").stdout
    assert "'=HYPERLINK" in exported
    assert "'+1+1" in exported
    for line in exported.splitlines()[1:]:
        for cell in line.split(","):
            assert not cell.lstrip('"').startswith(("=", "+", "@")), line


@pytest.fixture
def export(history: Path, tmp_path: Path) -> dict[str, Any]:
    ok("program", "new")
    document: dict[str, Any] = json.loads(ok("export").stdout)
    return document


def _import(document: dict[str, Any], tmp_path: Path) -> Any:
    path = tmp_path / "doc.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return run("import", str(path))


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["programs"][0].update(start="0001-01-01"), "is not a day a block could"),
        (lambda d: d["programs"][0].update(start="9999-12-31"), "is not a day a block could"),
        (lambda d: d["workouts"][0]["exercises"][0].update(id="Pull Up!"), "not an exercise id"),
        (lambda d: d.update(marks={"../../etc": "pin"}), "not an exercise id"),
        (lambda d: d["programs"][0]["main_lifts"][0].update(id=""), "not an exercise id"),
    ],
)
def test_an_import_of_impossible_programs_and_ids_is_refused(
    export: dict[str, Any], tmp_path: Path, history: Path, change: Any, message: str
) -> None:
    change(export)
    before = _digest(history)
    _one_line(_import(export, tmp_path), 2, message)
    assert _digest(history) == before


def test_marks_for_exercises_not_in_the_catalogue_are_left_out(
    export: dict[str, Any], tmp_path: Path, backplan_env: Path
) -> None:
    export["marks"] = {"pull-up": "pin", "no-such-lift": "ban"}
    result = _import(export, tmp_path)
    assert result.exit_code == 0, result.stderr
    assert "no-such-lift" in result.stderr
    marks = json.loads(ok("export").stdout)["marks"]
    assert marks == {"pull-up": "pin"}


def test_an_export_from_a_clock_a_day_ahead_is_taken_and_said(
    export: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    export["workouts"][0]["created"] = "2026-12-02T10:00:00+00:00"
    monkeypatch.setenv("BACKPLAN_NOW", "2026-12-01T10:00:00+00:00")
    monkeypatch.setenv("BACKPLAN_HOME", str(tmp_path / "fresh"))
    result = _import(export, tmp_path)
    assert result.exit_code == 0, result.stderr
    assert "24 h ahead of this machine's clock" in result.stderr


def test_a_no_at_a_question_is_the_users_answer(history: Path) -> None:
    result = run("history", "delete", "1", input="n\n")
    assert result.exit_code in (0, 2)
    assert "Traceback" not in result.stderr
    eof = run("history", "delete", "1", input="")
    _one_line(eof, 2, "nothing was changed")
    ok("history", "show", "1")


def test_config_unset_step_removes_every_step(backplan_env: Path) -> None:
    ok("config", "set", "step.dumbbell", "1")
    ok("config", "set", "step.kettlebell", "2")
    ok("config", "unset", "step")
    assert "step" not in (backplan_env / "config.toml").read_text(encoding="utf-8")
    _one_line(run("config", "set", "step", "1"), 2, "config set step.dumbbell 1")


def test_an_error_never_echoes_a_huge_value_whole(backplan_env: Path) -> None:
    result = run("show", "x" * 100_000)
    assert result.exit_code == 2
    assert len(result.stderr) < 2_000
    assert "characters)" in result.stderr


def test_invisible_marks_are_refused_in_a_catalogue_and_an_id(
    tmp_path: Path, backplan_env: Path
) -> None:
    path = write_catalogue(tmp_path / "c.yaml", [entry("pull-up", name="Pull\u200b-Up")])
    result = run("check", str(path))
    assert result.exit_code == 2
    assert "invisible character ZERO WIDTH SPACE (U+200B)" in result.stderr
    for text in ("pull-up\u200b", "pull-up\u200e", "\ufeffpull-up"):
        refused = run("show", text)
        assert refused.exit_code == 2
        assert "<U+" in refused.stderr


@pytest.mark.parametrize("kind", ["fifo", "zero", "negative", "foreign", "no-workouts"])
def test_a_history_that_is_not_one_is_named_plainly(kind: str, backplan_env: Path) -> None:
    backplan_env.mkdir()
    path = backplan_env / migrations.FILE_NAME
    if kind == "fifo":
        os.mkfifo(path)
        message = "not a regular file"
    elif kind == "zero":
        path.symlink_to("/dev/zero")
        message = "not a regular file"
    else:
        db = sqlite3.connect(path)
        if kind == "negative":
            db.execute("PRAGMA user_version = -3")
        elif kind == "foreign":
            db.execute("CREATE TABLE songs (title TEXT)")
        else:
            db.execute("CREATE TABLE songs (title TEXT)")
            db.execute("PRAGMA user_version = 5")
        db.commit()
        db.close()
        message = "not backplan's"
    before = path.read_bytes() if kind not in ("fifo", "zero") else b""
    for command in (["history"], ["workout"], ["status"]):
        _one_line(run(*command), 1, message)
    if kind not in ("fifo", "zero"):
        assert path.read_bytes() == before


def test_json_markdown_and_csv_on_stdout_carry_no_raw_control(history: Path) -> None:
    evil = "Row \x9b2J \u202eevil \x1b[2J"
    db = sqlite3.connect(history)
    db.execute("UPDATE workout_exercises SET name = ? WHERE position = 1", (evil,))
    db.commit()
    db.close()
    shown = ok("history", "show", "1", "--json").stdout
    _no_raw(shown)
    assert json.loads(shown)["exercises"][0]["name"] == visible(evil)  # as every view shows it
    exported = ok("export").stdout
    _no_raw(exported)
    assert json.loads(exported)["workouts"][0]["exercises"][0]["name"] == visible(evil)
    for args in (["history", "show", "1", "--format", "md"], ["export", "--format", "csv"]):
        text = ok(*args).stdout
        _no_raw(text)
        assert "Row <U+009B>2J" in text


def test_json_safe_keeps_the_document() -> None:
    text = json.dumps({"name": "x\x9by\u202e\u200bz\x1b"}, ensure_ascii=False)
    _no_raw(json_safe(text))
    assert json.loads(json_safe(text)) == json.loads(text)


# --- 7. a program moved off the calendar ----------------------------------------------


def test_a_move_past_a_year_is_refused_before_it_is_saved(
    backplan_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BACKPLAN_NOW", "2026-12-01T10:00:00+00:00")
    ok("program", "new", "--weeks", "4", "--days", "3", "--seed", "1")
    path = backplan_env / migrations.FILE_NAME
    before = _digest(path)
    for far in ("9999-12-31", "8999-12-31", "2027-12-02"):
        _one_line(run("program", "move", "next", "--to", far), 2, "more than a year ahead")
    assert _digest(path) == before
    ok("program", "move", "next", "--to", "2027-12-01")  # a year ahead, to the day


def test_a_program_a_far_move_broke_still_shows_and_moves(
    backplan_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BACKPLAN_NOW", "2026-12-01T10:00:00+00:00")
    ok("program", "new", "--weeks", "4", "--seed", "1", "--days", "tue,thu,sat")
    db = sqlite3.connect(backplan_env / migrations.FILE_NAME)
    db.execute("""UPDATE programs SET moves = '[["2026-12-03", "9999-12-31"]]'""")
    db.commit()
    db.close()
    shown = run("program", "show")
    assert shown.exit_code == 0, shown.stderr
    assert "set aside" in shown.stderr
    assert len(shown.stderr.splitlines()) == 1
    assert "Thu 3 Dec" in shown.stdout  # the session keeps its day
    moved = run("program", "move", "next")
    assert moved.exit_code == 0, moved.stderr
    assert "Traceback" not in moved.stderr
    again = run("program", "show")  # the move rewrote the calendar without it
    assert again.exit_code == 0
    assert again.stderr == ""
